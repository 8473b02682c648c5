// The document-level inverted index: which documents hold a term, and how much each counts.
//
// It scores exactly as MiniSearch did here before (BM25+, k 1.2, b 0.7, d 0.5, field boosts, prefix
// and typo matches weighted down, the sum multiplied by how many query terms matched), but every
// per-field BM25 figure of a (term, document) pair is fixed once the corpus is, so it is summed
// over the fields at build time into one "impact". A query then only adds impacts from flat typed
// arrays into a reused accumulator: no Map, no object per posting, no garbage. Over 20,000 look-alike
// playbooks that is what made the tail (common words, prefix expansions) 10–100× cheaper.
// Prefix and typo lookups stay MiniSearch's own radix tree, so the same index terms are reached.
import SearchableMap from "minisearch/SearchableMap";
import { Growable, int32s, uint16s } from "./growable";
import type { TermIds } from "./part-scorer";

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** MiniSearch's weights for a term reached by prefix or by typo rather than typed as is. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export interface TermQuery {
  /** Query terms, as planned (query-plan.ts). */
  terms: readonly string[];
  prefix(term: string): boolean;
  /** Maximum edit distance for typo matching, or false. */
  fuzzy(term: string): number | false;
}

/** One index term a query reached: through which query term, and how much it counts. */
interface Reached {
  term: number;
  weight: number;
  /** Index of the query term in TermQuery.terms. */
  source: number;
}

/** What a search found. Valid until the index's next search (its buffers are reused). */
export interface TermMatches {
  /** Documents with at least one matched term, in no particular order. */
  readonly docs: Int32Array;
  score(doc: number): number;
  /** The best `limit` documents that `allowed` accepts, best first (ties: lower document first). */
  top(limit: number, allowed?: (doc: number) => boolean): number[];
  /** The index terms matched in `doc` (for choosing the part that explains the match). */
  termsOf(doc: number): string[];
}

/** Term counts within one field of one document; a count saturates (65,535 is plenty to rank). */
const MAX_TF = 0xffff;

export class TermIndex<F extends string> implements TermIds {
  private readonly fields: readonly F[];
  private readonly boosts: Float64Array;
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private docCount = 0;
  /** Build input, dropped by finish(): per document, its distinct terms and per-field term counts. */
  private pending?: {
    docStart: Growable<Int32Array>;
    terms: Growable<Int32Array>;
    tf: Growable<Uint16Array>;
    fieldLength: Growable<Int32Array>;
    dfByField: Growable<Int32Array>;
  };
  private readonly avgFieldLength: Float64Array;
  // Postings, term by term (CSR): documents ascending, and their impacts.
  private offsets = new Int32Array(0);
  private postingDocs = new Int32Array(0);
  private impacts = new Float64Array(0);
  private tree = new SearchableMap<number>();
  // Per-query buffers, one slot per document.
  private acc = new Float64Array(0);
  private matched = new Uint16Array(0);
  private lastSource = new Int32Array(0);
  private touched = new Int32Array(0);
  private reached: Reached[] = [];

  constructor(fields: readonly F[], boosts: Record<F, number>) {
    this.fields = fields;
    this.boosts = Float64Array.from(fields, (f) => boosts[f]);
    this.avgFieldLength = new Float64Array(fields.length);
    this.pending = {
      docStart: int32s(),
      terms: int32s(),
      tf: uint16s(),
      fieldLength: int32s(),
      dfByField: int32s(),
    };
  }

  /** Adds the next document (ids are 0, 1, 2, ... in call order) with each field's terms, as ids
   *  from intern(): the part scorer has interned every term already. */
  add(fieldTerms: Partial<Record<F, readonly number[]>>): void {
    const p = this.pending;
    if (!p) throw new Error("TermIndex: add() after finish()");
    const nFields = this.fields.length;
    const doc = this.docCount++;
    p.docStart.push(p.terms.length);
    const local = new Map<number, number>(); // term id -> slot in this document's entries
    for (let f = 0; f < nFields; f++) {
      const terms = fieldTerms[this.fields[f]!];
      p.fieldLength.push(0);
      if (!terms || terms.length === 0) continue;
      let unique = 0;
      for (const id of terms) {
        let slot = local.get(id);
        if (slot === undefined) {
          slot = p.terms.length;
          local.set(id, slot);
          p.terms.push(id);
          for (let g = 0; g < nFields; g++) p.tf.push(0);
        }
        const at = slot * nFields + f;
        const tf = p.tf.data[at]!;
        if (tf === 0) {
          unique++;
          p.dfByField.data[id * nFields + f]! += 1;
        }
        if (tf < MAX_TF) p.tf.data[at] = tf + 1;
      }
      // As MiniSearch: a field's length is its count of distinct terms, and the average is a
      // running one in which a document without the field counts at the average so far.
      p.fieldLength.data[doc * nFields + f] = unique;
      this.avgFieldLength[f] = (this.avgFieldLength[f]! * doc + unique) / (doc + 1);
    }
  }

  /** The term's id, given it a new one if need be (only while building). */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      if (!this.pending) throw new Error("TermIndex: new term after finish()");
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      for (let f = 0; f < this.fields.length; f++) this.pending.dfByField.push(0);
    }
    return id;
  }

  /** Computes every impact and drops the build input; call once, after the last add(). */
  finish(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const nFields = this.fields.length;
    const nTerms = this.names.length;
    const entries = p.terms.length;
    const offsets = new Int32Array(nTerms + 1);
    for (let e = 0; e < entries; e++) offsets[p.terms.data[e]! + 1]!++;
    for (let t = 0; t < nTerms; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, nTerms);
    const postingDocs = new Int32Array(entries);
    const impacts = new Float64Array(entries);
    const n = this.docCount;
    p.docStart.push(entries);
    // One idf per (term, field), not one logarithm per posting.
    const idf = new Float64Array(nTerms * nFields);
    for (let i = 0; i < idf.length; i++) {
      const df = p.dfByField.data[i]!;
      if (df > 0) idf[i] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    for (let doc = 0; doc < n; doc++) {
      for (let e = p.docStart.data[doc]!; e < p.docStart.data[doc + 1]!; e++) {
        const term = p.terms.data[e]!;
        let impact = 0;
        for (let f = 0; f < nFields; f++) {
          const tf = p.tf.data[e * nFields + f]!;
          if (tf === 0) continue;
          const length = p.fieldLength.data[doc * nFields + f]!;
          impact += this.boosts[f]! * bm25(tf, idf[term * nFields + f]!, length, this.avgFieldLength[f]!);
        }
        const at = fill[term]!++;
        postingDocs[at] = doc;
        impacts[at] = impact;
      }
    }
    this.offsets = offsets;
    this.postingDocs = postingDocs;
    this.impacts = impacts;
    for (const [term, id] of this.ids) this.tree.set(term, id);
    this.acc = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.lastSource = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
  }

  /** In how many documents `term` occurs (any field); 0 when the index does not know it. */
  docFreq(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  get documentCount(): number {
    return this.docCount;
  }

  search(query: TermQuery): TermMatches {
    this.finish();
    // Forget the previous query: only the documents it touched.
    const { acc, matched, lastSource, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const d = touched[i]!;
      acc[d] = 0;
      matched[d] = 0;
      lastSource[d] = -1;
    }
    this.touchedCount = 0;
    this.reached = this.expand(query);
    for (const r of this.reached) {
      const end = this.offsets[r.term + 1]!;
      for (let i = this.offsets[r.term]!; i < end; i++) {
        const d = this.postingDocs[i]!;
        acc[d]! += r.weight * this.impacts[i]!;
        if (lastSource[d] !== r.source) {
          lastSource[d] = r.source;
          if (matched[d]!++ === 0) touched[this.touchedCount++] = d;
        }
      }
    }
    const docs = touched.subarray(0, this.touchedCount);
    const score = (d: number) => acc[d]! * matched[d]!;
    return {
      docs,
      score,
      top: (limit, allowed) => topDocs(docs, score, limit, allowed),
      termsOf: (d) => this.termsOf(d),
    };
  }

  private touchedCount = 0;

  /** The index terms each query term reaches: itself, then by prefix, then by typo (as MiniSearch). */
  private expand(query: TermQuery): Reached[] {
    const out: Reached[] = [];
    query.terms.forEach((term, source) => {
      const exact = this.ids.get(term);
      if (exact !== undefined) out.push({ term: exact, weight: 1, source });
      const prefixed = new Set<string>();
      if (query.prefix(term)) {
        for (const [derived, id] of this.tree.atPrefix(term)) {
          const distance = derived.length - term.length;
          if (!distance) continue;
          prefixed.add(derived);
          out.push({ term: id, weight: (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance), source });
        }
      }
      const maxDistance = query.fuzzy(term);
      if (maxDistance) {
        for (const [derived, [id, distance]] of this.tree.fuzzyGet(term, maxDistance)) {
          if (!distance || prefixed.has(derived)) continue;
          out.push({ term: id, weight: (FUZZY_WEIGHT * derived.length) / (derived.length + distance), source });
        }
      }
    });
    return out;
  }

  private termsOf(doc: number): string[] {
    const out = new Set<string>();
    for (const r of this.reached) {
      if (this.holds(r.term, doc)) out.add(this.names[r.term]!);
    }
    return [...out];
  }

  /** Binary search in the term's postings (documents ascending). */
  private holds(term: number, doc: number): boolean {
    let lo = this.offsets[term]!;
    let hi = this.offsets[term + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.postingDocs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

function bm25(tf: number, idf: number, length: number, avgLength: number): number {
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
}

/** The best `limit` of `docs` by score, kept in a small sorted array (limit is about 10). */
function topDocs(
  docs: Int32Array,
  score: (d: number) => number,
  limit: number,
  allowed?: (doc: number) => boolean,
): number[] {
  const best: number[] = [];
  const scores: number[] = [];
  if (limit <= 0) return best;
  for (const d of docs) {
    const s = score(d);
    if (best.length === limit && !better(s, d, scores[limit - 1]!, best[limit - 1]!)) continue;
    if (allowed && !allowed(d)) continue;
    let i = best.length === limit ? limit - 1 : best.length;
    while (i > 0 && better(s, d, scores[i - 1]!, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      scores[i] = scores[i - 1]!;
      i--;
    }
    best[i] = d;
    scores[i] = s;
  }
  return best;
}

function better(s: number, d: number, s2: number, d2: number): boolean {
  return s > s2 || (s === s2 && d < d2);
}
