// Snippets: a short window of a part's text around what matched, with the ranges to emphasise.
import { termSpans } from "./tokenize";

export const SNIPPET_LENGTH = 160;
const LEAD = 40; // characters of context kept before the first highlight in the window
const ELLIPSIS = "…";

export type Range = [number, number];

/** Whitespace runs (newlines in code, indentation) become single spaces so a snippet is one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Ranges of `text` whose terms are in `terms`, merged and sorted. Pieces of one path or
 *  identifier that all matched (`ld`, `linux`, `x86`) become one range (`ld-linux-x86`). */
export function termRanges(text: string, terms: ReadonlySet<string>): Range[] {
  const merged = mergeRanges(
    termSpans(text)
      .filter((s) => terms.has(s.term))
      .map((s): Range => [s.start, s.end]),
  );
  const out: Range[] = [];
  for (const r of merged) {
    const last = out[out.length - 1];
    if (last && r[0] - last[1] <= 1 && /^[^\s]?$/u.test(text.slice(last[1], r[0]))) last[1] = r[1];
    else out.push(r);
  }
  return out;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Cuts `text` (already whitespace-collapsed) to about SNIPPET_LENGTH characters around the
 *  densest cluster of `ranges`, and maps the ranges into the cut text. */
export function makeSnippet(text: string, ranges: Range[]): { snippet: string; highlights: Range[] } {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: ranges };
  let start = 0;
  let best = -1;
  for (const r of ranges) {
    const from = Math.max(0, r[0] - LEAD);
    const count = ranges.filter((o) => o[0] >= from && o[1] <= from + SNIPPET_LENGTH).length;
    if (count > best) {
      best = count;
      start = from;
    }
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end === text.length) start = Math.max(0, end - SNIPPET_LENGTH);
  const firstHighlight = ranges.find((r) => r[1] > start)?.[0] ?? end;
  // Start and end on word boundaries, without cutting into a highlight.
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < firstHighlight && space - start < 20) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    const lastInside = ranges.filter((r) => r[0] < end).at(-1)?.[1] ?? start;
    if (space > start && space >= lastInside && end - space < 20) end = space;
  }
  const prefix = start > 0 ? ELLIPSIS : "";
  const suffix = end < text.length ? ELLIPSIS : "";
  const shift = prefix.length - start;
  const highlights = ranges
    .filter((r) => r[1] > start && r[0] < end)
    .map((r): Range => [Math.max(r[0], start) + shift, Math.min(r[1], end) + shift]);
  return { snippet: prefix + text.slice(start, end) + suffix, highlights };
}
