// Exact error-line matching. People paste whole error messages; when a declared symptom line
// appears in the paste (or the paste is a piece of a symptom line), that is the strongest signal
// search has, stronger than any term statistics. Matching is on lower-cased letter/digit words, so
// quotes, punctuation, spacing and case never matter, and words are never skipped — except where
// the symptom says so with a placeholder: `*`, `<name>`, `$VAR` or `${VAR}` stand for a few words
// (a session id, a user name, a path segment).
import { words, type Word } from "./tokenize";

/** A generic label at the start of a symptom line ("Error: ..."). Tools print the message after
 *  their own prefix ("processing tar file(potentially insufficient UIDs..."), so the line is also
 *  matched without it. */
export const LEADING_LABEL = /^\s*(?:error|fatal|warning|warn|err|exception|panic)\s*:\s*/i;
const PLACEHOLDER = /\*+|<[^<>\s]{1,40}>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g;
/** How many pasted words one placeholder may stand for. */
const MAX_GAP = 12;
/** A paste shorter than this (words, characters) is a search, not a piece of an error line. */
const MIN_FRAGMENT_WORDS = 2;
const MIN_FRAGMENT_CHARS = 10;
const MAX_FRAGMENT_WORDS = 64;
/** How many leading words key a symptom line for lookup: labels alone can be three words long
 *  ("FileNotFoundError: [Errno 2]"), and thousands of lines may start with one. */
const START_WORDS = 5;
/** Symptoms shorter than this are too generic to decide a ranking on their own. */
const MIN_SYMPTOM_CHARS = 6;

export interface SymptomLine<T> {
  value: T;
  /** Literal word runs between placeholders; consecutive runs may be separated by a gap. */
  pieces: Word[][];
  words: Word[];
}

export interface SymptomHit<T> {
  value: T;
  /** How many words matched; longer matches are more specific and rank higher. */
  words: number;
  /** [start, end) of the matched text within the symptom line. */
  range: [number, number];
}

function compileLine<T>(text: string, value: T): SymptomLine<T> | undefined {
  const pieces: Word[][] = [];
  let from = 0;
  const literal = (to: number) => {
    const ws = words(text.slice(from, to)).map((w) => ({ ...w, start: w.start + from, end: w.end + from }));
    if (ws.length > 0) pieces.push(ws);
  };
  for (const m of text.matchAll(PLACEHOLDER)) {
    literal(m.index);
    from = m.index + m[0].length;
  }
  literal(text.length);
  const all = pieces.flat();
  const chars = all.reduce((n, w) => n + w.word.length, 0);
  if (all.length === 0 || chars < MIN_SYMPTOM_CHARS) return undefined;
  return { value, pieces, words: all };
}

function runAt(piece: Word[], query: Word[], at: number): boolean {
  if (at + piece.length > query.length) return false;
  return piece.every((w, k) => query[at + k]?.word === w.word);
}

/** Index of the query word after the symptom if the symptom starts at `at`, else -1. */
function matchFrom<T>(line: SymptomLine<T>, query: Word[], at: number): number {
  let pos = at;
  for (const [k, piece] of line.pieces.entries()) {
    if (k === 0) {
      if (!runAt(piece, query, pos)) return -1;
    } else {
      let j = pos;
      while (j <= pos + MAX_GAP && !runAt(piece, query, j)) j++;
      if (j > pos + MAX_GAP) return -1;
      pos = j;
    }
    pos += piece.length;
  }
  return pos;
}

function containsRun(haystack: Word[], needle: Word[]): number {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (runAt(needle, haystack, i)) return i;
  }
  return -1;
}

/** Finds declared symptom lines in pasted text, and pasted fragments of symptom lines. */
export class SymptomMatcher<T> {
  /** Lines by their first START_WORDS words (fewer when the first piece is shorter): many error
   *  lines start alike ("Error: failed to ..."), and a short key would make a paste check them all. */
  private readonly byStart = new Map<string, Array<SymptomLine<T>>>();
  private readonly byWord = new Map<string, Array<SymptomLine<T>>>();

  add(text: string, value: T): void {
    const line = compileLine(text, value);
    if (!line) return;
    pushTo(this.byStart, startKey(line.pieces[0]!), line);
    for (const word of new Set(line.words.map((w) => w.word))) pushTo(this.byWord, word, line);
    const label = LEADING_LABEL.exec(text);
    if (label) {
      // Same value, so a hit on either form counts once; offsets stay those of the full line.
      const bare = compileLine(" ".repeat(label[0].length) + text.slice(label[0].length), value);
      if (bare) pushTo(this.byStart, startKey(bare.pieces[0]!), bare);
    }
  }

  match(query: string): Array<SymptomHit<T>> {
    const q = words(query);
    const hits = new Map<T, SymptomHit<T>>();
    const record = (hit: SymptomHit<T>) => {
      const prev = hits.get(hit.value);
      if (!prev || prev.words < hit.words) hits.set(hit.value, hit);
    };
    // The symptom line inside a longer paste.
    for (let i = 0; i < q.length; i++) {
      let key = "";
      for (let k = 0; k < START_WORDS && i + k < q.length; k++) {
        key = k === 0 ? q[i]!.word : `${key} ${q[i + k]!.word}`;
        for (const line of this.byStart.get(key) ?? []) {
          if ((hits.get(line.value)?.words ?? 0) >= line.words.length) continue;
          if (matchFrom(line, q, i) < 0) continue;
          const last = line.words[line.words.length - 1]!;
          record({ value: line.value, words: line.words.length, range: [line.words[0]!.start, last.end] });
        }
      }
    }
    // A piece of a symptom line pasted on its own.
    const chars = q.reduce((n, w) => n + w.word.length, 0);
    if (q.length >= MIN_FRAGMENT_WORDS && q.length <= MAX_FRAGMENT_WORDS && chars >= MIN_FRAGMENT_CHARS) {
      let candidates: Array<SymptomLine<T>> | undefined;
      for (const w of q) {
        const list = this.byWord.get(w.word);
        if (!list) return [...hits.values()];
        if (!candidates || list.length < candidates.length) candidates = list;
      }
      for (const line of candidates ?? []) {
        const at = containsRun(line.words, q);
        if (at < 0) continue;
        record({
          value: line.value,
          words: q.length,
          range: [line.words[at]!.start, line.words[at + q.length - 1]!.end],
        });
      }
    }
    return [...hits.values()];
  }
}

function startKey(piece: Word[]): string {
  return piece
    .slice(0, START_WORDS)
    .map((w) => w.word)
    .join(" ");
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
