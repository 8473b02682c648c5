import { describe, expect, it } from "vitest";
import { splitHighlights } from "./highlight-ranges";

describe("splitHighlights", () => {
  it("marks the given ranges", () => {
    expect(
      splitHighlights("manifest unknown: oops", [
        [0, 8],
        [9, 16],
      ]),
    ).toEqual([
      { text: "manifest", highlighted: true },
      { text: " ", highlighted: false },
      { text: "unknown", highlighted: true },
      { text: ": oops", highlighted: false },
    ]);
  });

  it("survives overlapping, unsorted and out-of-range ranges without losing text", () => {
    const pieces = splitHighlights("abcdef", [
      [4, 99],
      [1, 3],
      [2, 5],
      [-3, 0],
      [6, 6],
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("abcdef");
    expect(pieces).toEqual([
      { text: "a", highlighted: false },
      { text: "bcdef", highlighted: true },
    ]);
  });

  it("returns the text alone when nothing matches", () => {
    expect(splitHighlights("plain", [])).toEqual([{ text: "plain", highlighted: false }]);
    expect(splitHighlights("", [[0, 3]])).toEqual([]);
  });
});
