// How text becomes search terms. Error messages are full of paths, flags, URLs and identifiers, so
// a "word" here is a whitespace/quote-delimited chunk: a chunk with inner punctuation
// (`/__e/node20/bin/node`, `sha256:ab12…`, `--userns=keep-id`) is indexed whole *and* as its
// alphanumeric parts, so both the exact path and any of its pieces find it.

export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

// Quotes, brackets and separators never belong to a term; everything else stays in the chunk.
const SEPARATOR_CLASS = "\\s'\"`“”‘’«»()[\\]{}<>,;|";
const CHUNK = new RegExp(`[^${SEPARATOR_CLASS}]+`, "gu");
/** Splitting on the separators is faster than matching CHUNK when only terms count. */
const SEPARATORS = new RegExp(`[${SEPARATOR_CLASS}]+`, "u");
const RUN = /[\p{L}\p{N}]+/gu;
const CAMEL_PIECE = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;
const EDGE_PUNCT = ".:!?=-*#~$@…";
const MAX_TERM = 80;

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "by",
  "for",
  "from",
  "if",
  "in",
  "is",
  "it",
  "of",
  "on",
  "or",
  "the",
  "then",
  "this",
  "that",
  "to",
  "was",
  "with",
]);

function keep(term: string): boolean {
  if (term.length > MAX_TERM || STOP_WORDS.has(term)) return false;
  return term.length >= 2 || /^\p{N}$/u.test(term);
}

/** Every indexable term in `text` with its character range, in order of appearance. */
export function termSpans(text: string): TermSpan[] {
  const spans: TermSpan[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    let start = chunk.index;
    let end = start + chunk[0].length;
    while (start < end && EDGE_PUNCT.includes(text[start] ?? "")) start++;
    while (end > start && EDGE_PUNCT.includes(text[end - 1] ?? "")) end--;
    if (start === end) continue;
    const raw = text.slice(start, end);
    const runs = [...raw.matchAll(RUN)];
    const compound = runs.length !== 1 || runs[0]?.[0].length !== raw.length;
    if (compound && runs.length > 0) {
      const term = raw.toLowerCase();
      if (keep(term)) spans.push({ term, start, end });
    }
    for (const run of runs) {
      const runStart = start + run.index;
      const word = run[0];
      const term = word.toLowerCase();
      if (keep(term)) spans.push({ term, start: runStart, end: runStart + word.length });
      // FileNotFoundError should also be found by "found" or "error".
      if (/\p{Ll}\p{Lu}/u.test(word)) {
        for (const piece of word.matchAll(CAMEL_PIECE)) {
          const p = piece[0].toLowerCase();
          if (p !== term && keep(p)) {
            spans.push({ term: p, start: runStart + piece.index, end: runStart + piece.index + piece[0].length });
          }
        }
      }
    }
  }
  return spans;
}

/** Chunks repeat (prose, paths, error words): their terms are worked out once. Bounded, so a
 *  stream of unique chunks (digests, timestamps) cannot grow it without end; once full it keeps
 *  what it has, which (chunks being Zipf-distributed) is mostly the frequent ones. */
const chunkTerms = new Map<string, string[]>();
const MAX_CACHED_CHUNKS = 100_000;

/** The terms of `text` as the index and queries see them (lower case, duplicates kept). Each chunk
 *  is tokenised on its own, exactly as termSpans does within the whole text. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(SEPARATORS)) {
    if (!chunk) continue;
    let terms = chunkTerms.get(chunk);
    if (!terms) {
      terms = termSpans(chunk).map((s) => s.term);
      if (chunkTerms.size < MAX_CACHED_CHUNKS) chunkTerms.set(chunk, terms);
    }
    for (const t of terms) out.push(t);
  }
  return out;
}

export interface Word {
  word: string;
  start: number;
  end: number;
}

/** Letters-and-digits runs, lower-cased: the normal form for exact error-line matching, which
 *  must ignore quotes, punctuation and spacing but not skip any word. */
export function words(text: string): Word[] {
  return [...text.matchAll(RUN)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}
