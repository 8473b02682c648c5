// TermIndex must score as MiniSearch does (it replaced it for speed, not to rank differently).
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { TermIndex } from "./term-index";

const FIELDS = ["symptom", "title", "text"] as const;
const BOOST = { symptom: 6, title: 4, text: 1 };
const DOCS: Array<Partial<Record<(typeof FIELDS)[number], string[]>>> = [
  { symptom: ["manifest", "unknown", "manifest", "unknown"], title: ["image", "pull"], text: ["registry", "digest"] },
  { title: ["podman", "missing"], text: ["install", "podman", "path", "manifests"] },
  { symptom: ["permission", "denied"], text: ["chown", "podman", "permission"] },
  {},
  { text: ["unknown", "flag", "manifestation"] },
];

function reference(terms: string[], prefix: boolean, fuzzy: number | false) {
  const mini = new MiniSearch<Record<string, unknown>>({
    fields: [...FIELDS],
    tokenize: (t) => t.split(" "),
    processTerm: (t) => t || null,
  });
  mini.addAll(
    DOCS.map((d, id) => ({ id, ...Object.fromEntries(Object.entries(d).map(([f, ts]) => [f, ts.join(" ")])) })),
  );
  const hits = mini.search(terms.join(" "), {
    tokenize: (t) => t.split(" "),
    processTerm: (t) => t,
    boost: BOOST,
    prefix: () => prefix,
    fuzzy: () => fuzzy,
  });
  return new Map(hits.map((h) => [h.id as number, { score: h.score, terms: [...h.terms].sort() }]));
}

describe("TermIndex", () => {
  const index = new TermIndex(FIELDS, BOOST);
  for (const d of DOCS) {
    index.add(Object.fromEntries(Object.entries(d).map(([f, terms]) => [f, terms.map((t) => index.intern(t))])));
  }
  index.finish();

  it.each([
    { terms: ["manifest", "podman"], prefix: false, fuzzy: false as const },
    { terms: ["manif", "permission"], prefix: true, fuzzy: false as const },
    { terms: ["podmon", "unknown"], prefix: false, fuzzy: 1 },
    { terms: ["manifest"], prefix: true, fuzzy: 2 },
  ])("scores $terms (prefix $prefix, fuzzy $fuzzy) as MiniSearch does", ({ terms, prefix, fuzzy }) => {
    const found = index.search({ terms, prefix: () => prefix, fuzzy: () => fuzzy });
    const expected = reference(terms, prefix, fuzzy);
    expect(new Set(found.docs)).toEqual(new Set(expected.keys()));
    for (const [doc, { score, terms: matched }] of expected) {
      expect(found.score(doc)).toBeCloseTo(score, 9);
      expect(found.termsOf(doc).sort()).toEqual(matched);
    }
    const order = [...expected].sort((a, b) => b[1].score - a[1].score).map(([doc]) => doc);
    expect(found.top(2)).toEqual(order.slice(0, 2));
  });

  it("counts documents per term and forgets the previous query", () => {
    expect(index.docFreq("podman")).toBe(2);
    expect(index.docFreq("nothing")).toBe(0);
    index.search({ terms: ["registry"], prefix: () => false, fuzzy: () => false });
    const found = index.search({ terms: ["chown"], prefix: () => false, fuzzy: () => false });
    expect([...found.docs]).toEqual([2]);
    expect(found.score(0)).toBe(0);
    expect(found.top(5, (d) => d !== 2)).toEqual([]);
  });
});
