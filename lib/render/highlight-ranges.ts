// Splits a search snippet into plain and highlighted pieces for <mark>, tolerating ranges that
// overlap, run past the text or arrive unsorted.

export interface SnippetPiece {
  text: string;
  highlighted: boolean;
}

export function splitHighlights(text: string, ranges: ReadonlyArray<readonly [number, number]>): SnippetPiece[] {
  const clamped = ranges
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);

  const pieces: SnippetPiece[] = [];
  let cursor = 0;
  for (const [start, end] of clamped) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    const last = pieces.at(-1);
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), highlighted: false });
    else if (last?.highlighted) {
      // Touching or overlapping ranges become one <mark>.
      last.text += text.slice(from, end);
      cursor = end;
      continue;
    }
    pieces.push({ text: text.slice(from, end), highlighted: true });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), highlighted: false });
  return pieces;
}
