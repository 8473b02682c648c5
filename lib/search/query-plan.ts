// Which terms of a query are worth looking up. A typed query is a few words and gets prefix and
// typo matching. A pasted error is dozens of words, most of them noise (timestamps, digests, user
// names, common words); it keeps only terms the index knows. Either way terms are taken rarest
// first within a budget of postings to visit, so a 4,000-character paste costs about as much as a
// short query, and a word found in most documents is dropped once rarer terms are there.
import { indexTerms } from "./tokenize";

/** Up to this many distinct terms a query counts as typed. */
export const SHORT_QUERY_TERMS = 6;
const MAX_QUERY_TERMS = 24;
/** Always keep at least this many terms, however common. */
const MIN_QUERY_TERMS = 2;
/** Postings (documents per term, summed) a query may visit, as a multiple of the corpus size. */
const POSTINGS_PER_DOC = 2;
const MIN_POSTINGS = 2000;
/** Beyond the minimum, a term found in more than this share of documents says too little to be
 *  worth visiting (its BM25 weight is under a tenth of a rare term's). */
const MAX_DOC_SHARE = 0.5;
/** ...in a corpus big enough for cost to matter and for shares to mean something. */
const MIN_DOCS_FOR_SHARE = 100;

/** How many documents hold a term: a Map, or the index itself. */
export type DocFreq = Pick<ReadonlyMap<string, number>, "get" | "has">;

export interface QueryPlan {
  terms: string[];
  /** Typed: prefix and fuzzy matching allowed. */
  short: boolean;
}

export function planQuery(query: string, docFreq: DocFreq, docCount: number): QueryPlan {
  const unique = [...new Set(indexTerms(query))];
  const short = unique.length <= SHORT_QUERY_TERMS;
  // Unknown terms of a typed query stay: prefix and typo matching may still find them.
  const candidates = short ? unique : unique.filter((t) => docFreq.has(t));
  candidates.sort((a, b) => (docFreq.get(a) ?? 0) - (docFreq.get(b) ?? 0));
  const budget = Math.max(MIN_POSTINGS, POSTINGS_PER_DOC * docCount);
  const maxDf = docCount >= MIN_DOCS_FOR_SHARE ? MAX_DOC_SHARE * docCount : Infinity;
  const terms: string[] = [];
  let postings = 0;
  for (const t of candidates) {
    const df = docFreq.get(t) ?? 0;
    if (terms.length >= MAX_QUERY_TERMS) break;
    if (terms.length >= MIN_QUERY_TERMS && (postings + df > budget || df > maxDf)) break;
    terms.push(t);
    postings += df;
  }
  return { terms, short };
}

/** Prefix matching for typed terms long enough not to expand into half the vocabulary. */
export function prefixFor(plan: QueryPlan): (term: string) => boolean {
  return (term) => plan.short && term.length >= 3;
}

/** Light typo tolerance: typed plain words the index does not know; one edit, two for long words.
 *  A word the index knows is taken as meant ("subgid" must not also find "subuid"). */
export function fuzzyFor(plan: QueryPlan, docFreq: DocFreq): (term: string) => number | false {
  return (term) => {
    if (!plan.short || docFreq.has(term) || term.length < 4 || term.length > 20 || !/^\p{L}+$/u.test(term))
      return false;
    return term.length >= 9 ? 2 : 1;
  };
}
