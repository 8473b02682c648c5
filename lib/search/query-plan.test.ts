import { describe, expect, it } from "vitest";
import { fuzzyFor, planQuery, prefixFor } from "./query-plan";

describe("planQuery", () => {
  const docFreq = new Map([
    ["podman", 3],
    ["manifest", 2],
    ["unknown", 5],
    ["error", 9],
    ["eacces", 1],
  ]);

  it("keeps every term of a typed query, known or not, and allows prefix and typo matching", () => {
    const plan = planQuery("podmn manifest", docFreq, 10);
    expect(plan).toEqual({ terms: ["podmn", "manifest"], short: true });
    expect(prefixFor(plan)("podmn")).toBe(true);
    expect(fuzzyFor(plan, docFreq)("podmn")).toBe(1);
    // A known word is taken as meant; short words and paths are never fuzzy.
    expect(fuzzyFor(plan, docFreq)("manifest")).toBe(false);
    expect(fuzzyFor(plan, docFreq)("pod")).toBe(false);
    expect(fuzzyFor(plan, docFreq)("/usr/bin/podmn")).toBe(false);
  });

  it("keeps only known terms of a paste, rarest first, with no prefix or typo matching", () => {
    const paste = "2025-01-14T10:22:31Z error: EACCES podman manifest unknown at /home/alice sha256:ab12cd34ef56";
    const plan = planQuery(paste, docFreq, 10);
    expect(plan).toEqual({ terms: ["eacces", "manifest", "podman", "unknown", "error"], short: false });
    expect(prefixFor(plan)("eacces")).toBe(false);
    expect(fuzzyFor(plan, docFreq)("eacces")).toBe(false);
  });

  it("caps a long paste to a bounded number of terms", () => {
    const many = new Map<string, number>(Array.from({ length: 200 }, (_, i) => [`w${i}`, 1 + (i % 7)]));
    const paste = [...many.keys()].join(" ");
    const plan = planQuery(paste, many, 1000);
    expect(plan.terms.length).toBeLessThanOrEqual(24);
    expect(plan.terms.every((t) => many.get(t) === 1)).toBe(true);
  });

  it("skips words found in most documents of a large corpus once rarer terms are in", () => {
    const freq = new Map([
      ["e1042", 1],
      ["ray", 300],
      ["node", 900],
      ["error", 990],
    ]);
    expect(planQuery("error node ray E1042 failed again today", freq, 1000).terms).toEqual(["e1042", "ray"]);
    // Not in a small corpus, where shares say little and cost does not matter.
    expect(
      planQuery(
        "error node ray E1042 failed again today",
        new Map([
          ["e1042", 1],
          ["ray", 3],
          ["node", 9],
          ["error", 9],
        ]),
        10,
      ).terms,
    ).toEqual(["e1042", "ray", "error", "node"]);
  });
});
