// Picks the part of a found document that best explains the match. Documents are ranked as a whole
// (see search-index.ts); only the parts of the few documents shown are scored here, with BM25 over
// parts, so a result can deep-link to the step or section that matched.
import { PART_BOOST, PART_FIELDS, partFieldText, type PartField } from "./fields";
import { indexTerms } from "./tokenize";
import type { SearchPart } from "./types";

const K = 1.2;
const B = 0.7;

interface FieldStats {
  tf: Map<string, number>;
  length: number;
}

type PartStats = Partial<Record<PartField, FieldStats>>;

export interface PartScore {
  score: number;
  /** Score contributed by each field, to choose which text the snippet shows. */
  byField: Map<PartField, number>;
  /** Index terms of the part that matched. */
  terms: Set<string>;
}

export class PartScorer {
  private readonly stats: PartStats[] = [];
  private readonly partFreq = new Map<string, number>();
  private readonly totalLength = new Map<PartField, number>();
  private readonly fieldCount = new Map<PartField, number>();

  /** Tokenises a part's fields once; returns the part's own terms (not `leadsHere`), for the
   *  caller's document-level statistics. */
  add(part: SearchPart): Map<PartField, string[]> {
    const out = new Map<PartField, string[]>();
    const stats: PartStats = {};
    const seen = new Set<string>();
    for (const field of PART_FIELDS) {
      const text = partFieldText(part, field);
      const led = field === "symptom" ? indexTerms((part.leadsHere ?? []).join("\n")) : [];
      if (!text && led.length === 0) continue;
      const own = text ? indexTerms(text) : [];
      if (own.length > 0) out.set(field, own);
      const terms = led.length > 0 ? [...own, ...led] : own;
      const tf = new Map<string, number>();
      for (const t of terms) {
        tf.set(t, (tf.get(t) ?? 0) + 1);
        seen.add(t);
      }
      stats[field] = { tf, length: terms.length };
      this.totalLength.set(field, (this.totalLength.get(field) ?? 0) + terms.length);
      this.fieldCount.set(field, (this.fieldCount.get(field) ?? 0) + 1);
    }
    for (const t of seen) this.partFreq.set(t, (this.partFreq.get(t) ?? 0) + 1);
    this.stats.push(stats);
    return out;
  }

  /** Scores part `index` for index terms weighted by how they matched (exact 1, prefix/fuzzy less). */
  score(index: number, terms: ReadonlyMap<string, number>): PartScore {
    const stats = this.stats[index] ?? {};
    const n = this.stats.length;
    const result: PartScore = { score: 0, byField: new Map(), terms: new Set() };
    for (const field of PART_FIELDS) {
      const f = stats[field];
      if (!f) continue;
      const avg = (this.totalLength.get(field) ?? 1) / (this.fieldCount.get(field) ?? 1);
      let fieldScore = 0;
      for (const [term, weight] of terms) {
        const tf = f.tf.get(term);
        if (!tf) continue;
        const df = this.partFreq.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        fieldScore += weight * idf * ((tf * (K + 1)) / (tf + K * (1 - B + (B * f.length) / avg)));
        result.terms.add(term);
      }
      if (fieldScore > 0) {
        result.byField.set(field, fieldScore * PART_BOOST[field]);
        result.score += fieldScore * PART_BOOST[field];
      }
    }
    // Like MiniSearch at the document level: a part matching more of the query's terms wins over
    // one matching a single term in a heavily boosted field.
    result.score *= result.terms.size;
    return result;
  }
}
