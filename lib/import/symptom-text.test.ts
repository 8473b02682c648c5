import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balanceQuotes,
  cutAtBoundary,
  generaliseIds,
  MAX_SYMPTOM_LENGTH,
  symptomKey,
  tidySymptom,
} from "./symptom-text";

describe("generaliseIds", () => {
  it.each([
    [
      'layer "sha256:3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0" missing',
      'layer "sha256:*" missing',
    ],
    ["container 4f2a9c1be7d0 is not running", "container * is not running"],
    ["lease 0b6f1c2e-8d4a-4e1f-9a3b-2c7d8e9f0a1b expired", "lease * expired"],
    // Words that happen to be hex, and short numbers, stay.
    ["decade-old cafe failed after 3 retries", "decade-old cafe failed after 3 retries"],
    ["exit status 125", "exit status 125"],
  ])("%j → %j", (text, expected) => {
    expect(generaliseIds(text)).toBe(expected);
  });
});

describe("cutAtBoundary", () => {
  it("cuts a long colon chain after a whole link of the chain", () => {
    const chain = Array.from({ length: 12 }, (_, i) => `stage ${i} of the pipeline failed`).join(": ");
    const cut = cutAtBoundary(chain);
    expect(cut.length).toBeLessThanOrEqual(MAX_SYMPTOM_LENGTH);
    expect(chain.startsWith(cut)).toBe(true);
    expect(cut).toMatch(/pipeline failed$/);
  });

  it("cuts between words when there is no stronger boundary", () => {
    const text = `${"word ".repeat(60)}end`;
    const cut = cutAtBoundary(text, 50);
    expect(cut).toBe("word word word word word word word word word word");
  });

  it("keeps a short line whole", () => {
    expect(cutAtBoundary("disk full")).toBe("disk full");
  });

  it("is always a prefix of the text and never longer than the limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        const cut = cutAtBoundary(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
      }),
    );
  });
});

describe("balanceQuotes", () => {
  it.each([
    ['open "/srv/data: permission denied', 'open "/srv/data: permission denied"'],
    ['volume "cache" is busy"', 'volume "cache" is busy'],
    ['"unterminated at the start', "unterminated at the start"],
    ["caused by `mount failed", "caused by `mount failed`"],
    ["read (fd 3 [pipe", "read (fd 3 [pipe])"],
    ["can't open 'config.yaml", "can't open 'config.yaml'"],
    ["can't open 'config.yaml'", "can't open 'config.yaml'"],
    ["step 1) failed", "step 1) failed"],
    // A quote after a colon that closes a word (`':'.`) is a closing quote, not a new one.
    ["key (parsed ''): names cannot contain ':'.", "key (parsed ''): names cannot contain ':'."],
    ["expected '=' after 'name'", "expected '=' after 'name'"],
  ])("%j → %j", (text, expected) => {
    expect(balanceQuotes(text)).toBe(expected);
  });

  it("leaves an even number of double quotes and backticks", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", '"', "`", "(", ")", "[", "'") }), (text) => {
        const out = balanceQuotes(text);
        expect((out.split('"').length - 1) % 2).toBe(0);
        expect((out.split("`").length - 1) % 2).toBe(0);
      }),
    );
  });
});

describe("tidySymptom", () => {
  it("collapses whitespace, generalises ids, cuts and closes", () => {
    const long = `Error:   pulling "sha256:${"ab12".repeat(16)}": ${"manifest unknown ".repeat(20)}`;
    const tidy = tidySymptom(long);
    expect(tidy.startsWith('Error: pulling "sha256:*"')).toBe(true);
    expect(tidy.length).toBeLessThanOrEqual(MAX_SYMPTOM_LENGTH + 1);
  });
});

describe("symptomKey", () => {
  it("ignores case, punctuation and the numbers that vary", () => {
    expect(symptomKey("Error: exit status 1")).toBe(symptomKey("error exit status 2"));
    expect(symptomKey("disk full")).not.toBe(symptomKey("disk fool"));
  });
});
