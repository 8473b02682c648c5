// The search engine. Two levels, because a corpus of 1,000 playbooks has ~20,000 parts and
// ranking every part for every query is too slow for a pasted error:
//  1. TermIndex (BM25+, field boosts, prefix and fuzzy matching, as MiniSearch scores them) ranks
//     whole documents, with the fields of all their parts folded in;
//  2. for the few documents returned, PartScorer picks the part (symptom line, step, section,
//     title, summary) that best explains the match, for the label, deep link and snippet.
// Before both, an exact error-line check against every declared symptom line puts documents that
// list the pasted error above everything else.
import type { Playbook } from "@/lib/playbooks/types";
import { describeMatch, describeSymptomMatch } from "./describe-match";
import { PartScorer } from "./part-scorer";
import { playbookDocument } from "./playbook-documents";
import { collapseWhitespace, type Range } from "./snippet";
import { SymptomMatcher } from "./symptom-match";
import { fuzzyFor, planQuery, prefixFor, type DocFreq } from "./query-plan";
import { TermIndex } from "./term-index";
import { indexTerms } from "./tokenize";
import type { PlaybookHead, PlaybookMatchPart, ResultHead, SearchDoc, SearchHit, SearchOptions } from "./types";

const DOC_FIELDS = ["symptom", "title", "tags", "heading", "code", "text"] as const;
type DocField = (typeof DOC_FIELDS)[number];
const DOC_BOOST: Record<DocField, number> = { symptom: 6, title: 4, tags: 3, heading: 2.5, code: 2, text: 1 };

export const MAX_QUERY_CHARS = 4000;
const DEFAULT_LIMIT = 10;
/** Reported score of an exact symptom-line match: above any term score. Results are ordered by
 *  matched words first anyway (see byExactThenScore), so this only keeps `score` consistent. */
const EXACT_SYMPTOM_SCORE = 1_000_000;
const EXACT_WORD_SCORE = 1_000;
/** Weight of an index term reached by prefix or typo matching rather than typed as is. */
const DERIVED_TERM_WEIGHT = 0.45;

export interface EngineOptions extends SearchOptions {
  /** Only results of these kinds. */
  kinds?: readonly string[];
}

export interface SearchIndex<H extends ResultHead = ResultHead, P extends string = string> {
  search(query: string, opts?: EngineOptions): Array<SearchHit<H, P>>;
  readonly documentCount: number;
}

interface ExactHit {
  part: number;
  words: number;
  range: Range;
}

interface Candidate {
  doc: number;
  score: number;
  exact?: ExactHit;
  /** Index terms matched (`terms`), and the query terms behind them (`typed`). */
  hit?: { terms: string[]; typed: ReadonlySet<string> };
}

/** A search index over documents of any kind (playbooks, incidents, ...). */
export function createSearchIndex<H extends ResultHead, P extends string>(
  docs: ReadonlyArray<SearchDoc<H, P>>,
): SearchIndex<H, P> {
  const partDoc: number[] = [];
  const firstPart: number[] = [];
  const symptoms = new SymptomMatcher<number>();
  const terms = new TermIndex<DocField>(DOC_FIELDS, DOC_BOOST);
  const scorer = new PartScorer(terms);
  const docTags = docs.map((d) => new Set(d.tags.map((t) => t.toLowerCase())));
  const kindsPresent = new Set(docs.map((d) => d.head.kind));

  const intern = (text: string) => indexTerms(text).map((t) => terms.intern(t));

  docs.forEach((doc, d) => {
    firstPart.push(partDoc.length);
    const fields: Record<DocField, number[]> = {
      symptom: [],
      title: intern(doc.title),
      tags: intern(doc.tags.join(" ")),
      heading: [],
      code: [],
      text: [],
    };
    for (const part of doc.parts) {
      const id = partDoc.length;
      partDoc.push(d);
      const partTerms = scorer.add(part);
      fields.symptom.push(...(partTerms.get("symptom") ?? []));
      if (part.title !== doc.title) fields.heading.push(...(partTerms.get("title") ?? []));
      fields.code.push(...(partTerms.get("code") ?? []));
      fields.text.push(...(partTerms.get("text") ?? []));
      if (part.symptom) symptoms.add(collapseWhitespace(part.symptom), id);
    }
    terms.add(fields);
  });
  firstPart.push(partDoc.length);
  terms.finish();
  const docFreq: DocFreq = { get: (t) => terms.docFreq(t) || undefined, has: (t) => terms.docFreq(t) > 0 };

  function search(query: string, opts: EngineOptions = {}): Array<SearchHit<H, P>> {
    const q = query.slice(0, MAX_QUERY_CHARS);
    const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
    const tag = opts.tag?.toLowerCase();
    // A kinds filter that every document passes (playbooks only, no other source) costs nothing.
    const kinds = opts.kinds && [...kindsPresent].some((k) => !opts.kinds!.includes(k)) ? opts.kinds : undefined;
    const allowed = (d: number) => (!tag || docTags[d]!.has(tag)) && (!kinds || kinds.includes(docs[d]!.head.kind));

    const candidates = new Map<number, Candidate>();
    for (const hit of symptoms.match(q)) {
      const doc = partDoc[hit.value]!;
      if (!allowed(doc)) continue;
      const prev = candidates.get(doc);
      if (!prev?.exact || prev.exact.words < hit.words) {
        candidates.set(doc, { doc, score: 0, exact: { part: hit.value, words: hit.words, range: hit.range } });
      }
    }

    let termsOf: (c: Candidate) => Candidate["hit"] = () => undefined;
    const plan = planQuery(q, docFreq, docs.length);
    if (plan.terms.length > 0) {
      const filtered = tag !== undefined || kinds !== undefined;
      const found = terms.search({ terms: plan.terms, prefix: prefixFor(plan), fuzzy: fuzzyFor(plan, docFreq) });
      const typed = new Set(plan.terms);
      for (const c of candidates.values()) {
        const score = found.score(c.doc);
        if (score > 0) c.score = score;
      }
      // Exact symptom matches rank first whatever their score: when `limit` of them are found, no
      // other document can show; else at most `limit` others are needed beside them.
      if (candidates.size < limit) {
        for (const doc of found.top(limit + candidates.size, filtered ? allowed : undefined)) {
          if (!candidates.has(doc)) candidates.set(doc, { doc, score: found.score(doc) });
        }
      }
      // Which index terms matched, only for the documents shown.
      termsOf = (c) => (c.score > 0 ? { terms: found.termsOf(c.doc), typed } : undefined);
    }

    const ranked = [...candidates.values()].sort(byExactThenScore).slice(0, limit);
    return ranked.map((c) => {
      c.hit = termsOf(c);
      const doc = docs[c.doc]!;
      let match;
      if (c.exact) {
        match = describeSymptomMatch(partOf(c.exact.part), c.exact.range);
      } else {
        // The part that explains the match best; the title part when nothing scores (e.g. a match
        // only through the document title or tags folded into the document level).
        const weights = new Map((c.hit?.terms ?? []).map((t) => [t, c.hit?.typed.has(t) ? 1 : DERIVED_TERM_WEIGHT]));
        const landed = (i: number) => {
          const score = scorer.score(i, weights);
          return { index: i, score, rank: score.score * (partOf(i).landing ?? 1) };
        };
        let best = landed(firstPart[c.doc]!);
        for (let i = firstPart[c.doc]! + 1; i < firstPart[c.doc + 1]!; i++) {
          const s = landed(i);
          if (s.rank > best.rank) best = s;
        }
        match = describeMatch(partOf(best.index), best.score);
      }
      const score = c.exact ? EXACT_SYMPTOM_SCORE + EXACT_WORD_SCORE * c.exact.words + c.score : c.score;
      return { ...doc.head, score: Math.round(score * 1000) / 1000, match };
    });
  }

  function partOf(index: number) {
    const d = partDoc[index]!;
    return docs[d]!.parts[index - firstPart[d]!]!;
  }

  return { search, documentCount: docs.length };
}

/** Exact symptom matches first (more matched words first), then by score. */
function byExactThenScore(a: Candidate, b: Candidate): number {
  return (b.exact?.words ?? 0) - (a.exact?.words ?? 0) || b.score - a.score;
}

/** A search index over playbooks only, without the process-wide state (tests, benchmarks). */
export function buildSearchIndex(playbooks: readonly Playbook[]): SearchIndex<PlaybookHead, PlaybookMatchPart> {
  return createSearchIndex(playbooks.map(playbookDocument));
}
