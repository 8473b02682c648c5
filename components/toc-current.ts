// Which table-of-contents entry is being read: the last target whose top has passed the reading
// line. The line sits where a followed link puts its target (the page's scroll-padding-top, under
// the sticky header), plus a little slack, so the entry clicked is the entry marked. A target near
// the end of the page cannot scroll up to the line; when the page is scrolled to its end and the
// linked target is on screen, the linked one is marked.

/** Pixels below the scroll padding that still count as "at the line" (sub-pixel layout, rounding). */
export const READING_SLACK = 8;

export interface ReadingState {
  /** Each target's top relative to the viewport, in document order. */
  tops: readonly number[];
  /** The reading line, px from the top of the viewport. */
  line: number;
  /** Index of the target the URL's hash names, if any. */
  linked?: number;
  /** The page cannot scroll further down. */
  atEnd: boolean;
  viewportHeight: number;
}

/** Index of the entry to mark, or -1 before the first target. */
export function readingIndex({ tops, line, linked, atEnd, viewportHeight }: ReadingState): number {
  let current = -1;
  tops.forEach((top, i) => {
    if (top <= line) current = i;
  });
  if (atEnd && linked !== undefined && linked > current) {
    const top = tops[linked];
    if (top !== undefined && top >= 0 && top < viewportHeight) return linked;
  }
  return current;
}
