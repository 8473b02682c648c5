import { describe, expect, it } from "vitest";
import { collapseWhitespace, makeSnippet, mergeRanges, SNIPPET_LENGTH, termRanges } from "./snippet";

describe("makeSnippet", () => {
  it("keeps short text whole", () => {
    expect(makeSnippet("podman --version", [[0, 6]])).toEqual({ snippet: "podman --version", highlights: [[0, 6]] });
  });

  it("cuts long text around the match on word boundaries and moves the ranges with it", () => {
    const before = "lorem ipsum dolor sit amet ".repeat(20);
    const after = " consectetur adipiscing elit sed do".repeat(20);
    const text = collapseWhitespace(`${before}the manifest digest is not the content digest${after}`);
    const ranges = termRanges(text, new Set(["manifest", "digest"]));
    const { snippet, highlights } = makeSnippet(text, ranges);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(["manifest", "digest", "digest"]);
    // Word boundaries: the cut never splits a word.
    expect(snippet).toMatch(/^… ?\w+ /);
    expect(snippet).toMatch(/ \w+…$/);
  });

  it("centres on the densest cluster of matches", () => {
    const text =
      `podman once. ${"filler words here ".repeat(30)}podman podman podman at the end ${"tail ".repeat(40)}`.trim();
    const ranges = termRanges(text, new Set(["podman"]));
    const { snippet, highlights } = makeSnippet(text, ranges);
    expect(highlights).toHaveLength(3);
    expect(snippet).toContain("podman podman podman");
  });
});

describe("mergeRanges", () => {
  it("sorts and merges overlapping ranges", () => {
    expect(
      mergeRanges([
        [10, 12],
        [0, 5],
        [3, 8],
        [12, 14],
      ]),
    ).toEqual([
      [0, 8],
      [10, 14],
    ]);
  });
});
