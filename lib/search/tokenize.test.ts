import { describe, expect, it } from "vitest";
import { indexTerms, termSpans, words } from "./tokenize";

describe("indexTerms", () => {
  it("keeps a quoted path whole and also indexes its pieces", () => {
    const terms = indexTerms("env: '/__e/node20/bin/node': No such file or directory");
    expect(terms).toContain("/__e/node20/bin/node");
    expect(terms).toEqual(expect.arrayContaining(["env", "node20", "bin", "node", "no", "such", "file", "directory"]));
    // Quotes and the trailing colon are not part of any term; "or" is a stop word.
    expect(terms.some((t) => /['":]$/.test(t) || t.startsWith("'"))).toBe(false);
    expect(terms).not.toContain("or");
  });

  it("lower-cases error codes and drops edge punctuation", () => {
    expect(indexTerms("EACCES: permission denied")).toEqual(["eacces", "permission", "denied"]);
  });

  it("indexes a digest whole and split at the colon", () => {
    const digest = `sha256:${"0123456789abcdef".repeat(4)}`;
    expect(indexTerms(`pull ${digest}`)).toEqual(["pull", digest, "sha256", "0123456789abcdef".repeat(4)]);
  });

  it("splits flags, URLs and camel-case identifiers into findable pieces", () => {
    expect(indexTerms("--userns=keep-id")).toEqual(["userns=keep-id", "userns", "keep", "id"]);
    expect(indexTerms("ray://localhost:10001")).toEqual(["ray://localhost:10001", "ray", "localhost", "10001"]);
    expect(indexTerms("FileNotFoundError:")).toEqual(["filenotfounderror", "file", "not", "found", "error"]);
  });

  it("reports where each term is, so highlights land on the original text", () => {
    const text = `Error: "potentially insufficient UIDs" at '/tmp/ray/session_1/x.lock'`;
    for (const span of termSpans(text)) {
      const original = text.slice(span.start, span.end).toLowerCase();
      expect(original).toBe(span.term);
    }
    expect(termSpans(text).map((s) => s.term)).toContain("/tmp/ray/session_1/x.lock");
  });
});

describe("words", () => {
  it("is letters and digits only, lower-cased, with offsets", () => {
    expect(words("No such file: 'podman'")).toEqual([
      { word: "no", start: 0, end: 2 },
      { word: "such", start: 3, end: 7 },
      { word: "file", start: 8, end: 12 },
      { word: "podman", start: 15, end: 21 },
    ]);
  });
});
