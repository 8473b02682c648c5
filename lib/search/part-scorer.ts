// Picks the part of a found document that best explains the match. Documents are ranked as a whole
// (see search-index.ts); only the parts of the few documents shown are scored here, with BM25 over
// parts, so a result can deep-link to the step or section that matched.
//
// Every part of every document is kept, so the statistics are flat typed arrays over shared term
// ids (one Map per part and field cost most of the heap at 20,000 playbooks): per part and field,
// its distinct term ids ascending and their counts.
import { PART_BOOST, PART_FIELDS, partFieldText, type PartField } from "./fields";
import { int32s, uint16s } from "./growable";
import { indexTerms } from "./tokenize";
import type { SearchPart } from "./types";

const K = 1.2;
const B = 0.7;
const NO_FIELD = -1;

export interface PartScore {
  score: number;
  /** Score contributed by each field, to choose which text the snippet shows. */
  byField: Map<PartField, number>;
  /** Index terms of the part that matched. */
  terms: Set<string>;
}

/** Term ids shared with the document index, so a term is stored once. */
export interface TermIds {
  intern(term: string): number;
  idOf(term: string): number | undefined;
}

export class PartScorer {
  /** Per part and field: where its entries start in termIds/tfs (NO_FIELD when absent). */
  private readonly fieldStart = int32s();
  private readonly fieldEnd = int32s();
  private readonly fieldLength = int32s();
  private readonly termIds = int32s();
  private readonly tfs = uint16s();
  private readonly partFreq = int32s();
  private readonly totalLength = new Map<PartField, number>();
  private readonly fieldCount = new Map<PartField, number>();
  private parts = 0;

  constructor(private readonly ids: TermIds) {}

  /** Tokenises a part's fields once; returns the ids of the part's own terms (not `leadsHere`),
   *  for the caller's document-level statistics. */
  add(part: SearchPart): Map<PartField, number[]> {
    const out = new Map<PartField, number[]>();
    const seen = new Set<number>();
    for (const field of PART_FIELDS) {
      const text = partFieldText(part, field);
      const led = field === "symptom" ? indexTerms((part.leadsHere ?? []).join("\n")) : [];
      const own = text ? indexTerms(text) : [];
      if (!text && led.length === 0) {
        this.fieldStart.push(NO_FIELD);
        this.fieldEnd.push(NO_FIELD);
        this.fieldLength.push(0);
        continue;
      }
      const ownIds = own.map((t) => this.ids.intern(t));
      if (ownIds.length > 0) out.set(field, ownIds);
      const terms = led.length > 0 ? [...ownIds, ...led.map((t) => this.ids.intern(t))] : ownIds;
      const tf = new Map<number, number>();
      for (const id of terms) {
        tf.set(id, (tf.get(id) ?? 0) + 1);
        seen.add(id);
      }
      this.fieldStart.push(this.termIds.length);
      for (const id of [...tf.keys()].sort((a, b) => a - b)) {
        this.termIds.push(id);
        this.tfs.push(Math.min(tf.get(id)!, 0xffff));
      }
      this.fieldEnd.push(this.termIds.length);
      this.fieldLength.push(terms.length);
      this.totalLength.set(field, (this.totalLength.get(field) ?? 0) + terms.length);
      this.fieldCount.set(field, (this.fieldCount.get(field) ?? 0) + 1);
    }
    for (const id of seen) {
      while (this.partFreq.length <= id) this.partFreq.push(0);
      this.partFreq.data[id]! += 1;
    }
    this.parts++;
    return out;
  }

  /** Scores part `index` for index terms weighted by how they matched (exact 1, prefix/fuzzy less). */
  score(index: number, terms: ReadonlyMap<string, number>): PartScore {
    const n = this.parts;
    const result: PartScore = { score: 0, byField: new Map(), terms: new Set() };
    const ids = [...terms].map(([term, weight]) => ({ term, weight, id: this.ids.idOf(term) }));
    PART_FIELDS.forEach((field, f) => {
      const slot = index * PART_FIELDS.length + f;
      const start = this.fieldStart.data[slot]!;
      if (index >= n || start === NO_FIELD) return;
      const end = this.fieldEnd.data[slot]!;
      const length = this.fieldLength.data[slot]!;
      const avg = (this.totalLength.get(field) ?? 1) / (this.fieldCount.get(field) ?? 1);
      let fieldScore = 0;
      for (const { term, weight, id } of ids) {
        const tf = id === undefined ? 0 : this.tfOf(start, end, id);
        if (!tf) continue;
        const df = this.partFreq.data[id!] ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        fieldScore += weight * idf * ((tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg)));
        result.terms.add(term);
      }
      if (fieldScore > 0) {
        result.byField.set(field, fieldScore * PART_BOOST[field]);
        result.score += fieldScore * PART_BOOST[field];
      }
    });
    // Like MiniSearch at the document level: a part matching more of the query's terms wins over
    // one matching a single term in a heavily boosted field.
    result.score *= result.terms.size;
    return result;
  }

  /** Binary search among a field's term ids (ascending). */
  private tfOf(start: number, end: number, id: number): number {
    let lo = start;
    let hi = end - 1;
    const termIds = this.termIds.data;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = termIds[mid]!;
      if (t === id) return this.tfs.data[mid]!;
      if (t < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
