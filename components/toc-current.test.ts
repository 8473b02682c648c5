import { describe, expect, it } from "vitest";
import { readingIndex } from "./toc-current";

const base = { line: 80, atEnd: false, viewportHeight: 800 };

describe("readingIndex", () => {
  it("marks the target a followed link scrolled to the line, not the one before it", () => {
    // A link puts its target at the scroll padding (72 px): that one is read, not its predecessor.
    expect(readingIndex({ ...base, tops: [-900, -300, 72, 500] })).toBe(2);
  });

  it("marks nothing before the first target and the last one passed after it", () => {
    expect(readingIndex({ ...base, tops: [200, 600] })).toBe(-1);
    expect(readingIndex({ ...base, tops: [-600, -100] })).toBe(1);
  });

  it("at the end of the page, marks the linked target on screen even below the line", () => {
    const tops = [-900, 40, 300, 620];
    expect(readingIndex({ ...base, tops, atEnd: true, linked: 3 })).toBe(3);
    // Not before the end: the reader is still scrolling towards it.
    expect(readingIndex({ ...base, tops, linked: 3 })).toBe(1);
    // Not when the linked target is off screen, nor when it is above the one being read.
    expect(readingIndex({ ...base, tops: [-900, 40, 300, 900], atEnd: true, linked: 3 })).toBe(1);
    expect(readingIndex({ ...base, tops, atEnd: true, linked: 0 })).toBe(1);
  });
});
