import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SECRET_MASK, SecretMasker } from "./secret-masker";

function run(secrets: string[], chunks: (string | Buffer)[]): { out: string; pieces: string[] } {
  const m = new SecretMasker(secrets);
  const pieces = chunks.map((c) => m.push(Buffer.from(c)).toString());
  pieces.push(m.flush().toString());
  return { out: pieces.join(""), pieces };
}

/** Every split of `text` into two chunks, at each byte. */
function twoChunkSplits(text: string): Buffer[][] {
  const bytes = Buffer.from(text);
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

// A secret's line breaks as a terminal may show them: the PTY's ONLCR turns "\n" into "\r\n", and a
// "\r\n" the program wrote into "\r\r\n". Written here apart from the masker, as the test's own oracle.
const LINE_BREAK_FORMS = ["\n", "\r\n", "\r\r\n"] as const;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function secretPattern(secret: string): RegExp {
  return new RegExp(secret.split(/\r?\n/).map(escapeRegExp).join("\\r{0,2}\\n"));
}

describe("SecretMasker", () => {
  it("masks secrets split across chunks", () => {
    expect(run(["hunter22"], ["pass=hun", "ter", "22 ok"]).out).toBe("pass=******** ok");
    expect(run(["abc", "abcdef"], ["xabcdefx abc"]).out).toBe("x********x ********");
  });

  it("holds back only a possible secret start, so ordinary output is not delayed", () => {
    const { pieces } = run(["hunter22"], ["hello\r\n", "say hu", "gs"]);
    expect(pieces).toEqual(["hello\r\n", "say ", "hugs", ""]);
  });

  it("releases a held partial match at the end", () => {
    expect(run(["hunter22"], ["ends with hunt"]).out).toBe("ends with hunt");
  });

  it("masks text", () => {
    expect(new SecretMasker(["s3cret"]).maskText("a s3cret b s3cret")).toBe("a ******** b ********");
  });

  it("masks a secret with a line break in each form a terminal shows it", () => {
    for (const secret of ["line1\nline2", "line1\r\nline2"]) {
      for (const form of LINE_BREAK_FORMS) {
        const output = `key: line1${form}line2\r\n`;
        expect(run([secret], [output]).out, JSON.stringify({ secret, output })).toBe("key: ********\r\n");
        expect(new SecretMasker([secret]).maskText(output)).toBe("key: ********\r\n");
      }
    }
    // A run of three carriage returns is not a line break a PTY makes from one "\n".
    expect(run(["a\nb"], ["a\r\r\r\nb"]).out).toBe("a\r\r\r\nb");
  });

  it("masks overlapping secrets the same way whatever the chunk split", () => {
    const cases: [string[], string, string][] = [
      // A secret that starts where a shorter one matches: the longer one is masked whole.
      [["a", "aa"], "aa", "********"],
      // The shorter secret completes first, inside the longer one.
      [["abc", "xxabcd"], "xxabcd", "********"],
      [["abc", "xxabcd"], "xxabc!", "xx********!"],
      // A short partial match of one secret must not hide a longer one of another.
      [["aZZZZZZZ", "xaQ"], "-xaQ-", "-********-"],
      // What is held at the end is masked too.
      [["abc", "xxabcd"], "xxabc", "xx********"],
    ];
    for (const [secrets, text, masked] of cases) {
      expect(new SecretMasker(secrets).maskText(text)).toBe(masked);
      for (const chunks of twoChunkSplits(text)) {
        expect(run(secrets, chunks).out, JSON.stringify({ secrets, chunks: chunks.map(String) })).toBe(masked);
      }
    }
  });

  it("streams any chunk split of any output to what masking it whole gives, with no secret left", () => {
    // Few distinct characters, so secrets share prefixes and suffixes and streams hit them often; "*"
    // is left out because the mask itself would spell a secret made of it.
    const unit = fc.constantFrom("a", "b", "\n", "\r", " ", "é", "€", "😀");
    const text = (maxLength: number) => fc.string({ unit, minLength: 1, maxLength });
    // Secrets derived from others: one inside another, shared prefix or suffix, repeated.
    const derived = fc.record({
      from: fc.nat(),
      kind: fc.constantFrom("inside", "prefix", "suffix", "repeat"),
      extra: text(3),
      cut: fc.nat(),
    });
    const secretsArb = fc.tuple(fc.array(text(6), { minLength: 1, maxLength: 3 }), fc.array(derived, { maxLength: 3 }));
    const piece = fc.oneof(
      text(8).map((filler) => ({ filler })),
      fc.record({ secret: fc.nat(), breaks: fc.array(fc.nat({ max: 2 }), { maxLength: 6 }) }),
    );
    const splitsArb = fc.oneof(fc.array(fc.nat(), { maxLength: 8 }), fc.constant("every-byte" as const));

    fc.assert(
      fc.property(secretsArb, fc.array(piece, { maxLength: 8 }), splitsArb, ([base, more], pieces, splits) => {
        const secrets = [...base];
        for (const d of more) {
          const s = secrets[d.from % secrets.length]!;
          const chars = [...s];
          const cut = d.cut % chars.length;
          if (d.kind === "inside") secrets.push(chars.slice(cut, cut + 1 + (d.cut % 3)).join(""));
          if (d.kind === "prefix") secrets.push(chars.slice(0, cut + 1).join("") + d.extra);
          if (d.kind === "suffix") secrets.push(d.extra + chars.slice(cut).join(""));
          if (d.kind === "repeat") secrets.push(s + s);
        }
        // The stream embeds secrets with each line break in a random terminal form.
        const stream = pieces
          .map((p) => {
            if ("filler" in p) return p.filler;
            let i = 0;
            return secrets[p.secret % secrets.length]!.replace(/\r?\n/g, () => LINE_BREAK_FORMS[p.breaks[i++] ?? 1]!);
          })
          .join("");
        const bytes = Buffer.from(stream);
        const cuts =
          splits === "every-byte"
            ? Array.from({ length: bytes.length }, (_, i) => i)
            : [...new Set(splits.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);

        const masker = new SecretMasker(secrets);
        const longestForm = Math.max(...secrets.map((s) => Buffer.byteLength(s.replace(/\r?\n/g, "\r\r\n"))));
        const out: Buffer[] = [];
        let at = 0;
        for (const cut of [...cuts, bytes.length]) {
          out.push(masker.push(bytes.subarray(at, cut)));
          at = cut;
          expect(masker.heldBytes).toBeLessThanOrEqual(longestForm - 1);
        }
        out.push(masker.flush());
        const streamed = Buffer.concat(out).toString();

        const whole = new SecretMasker(secrets).maskText(stream);
        expect(streamed).toBe(whole);
        for (const secret of secrets) expect(streamed).not.toMatch(secretPattern(secret));
        // Nothing is masked that is not a secret, and a secret present is masked.
        if (secrets.some((s) => secretPattern(s).test(stream))) expect(streamed).toContain(SECRET_MASK);
        else expect(streamed).toBe(stream);
      }),
      { numRuns: 500 },
    );
  });
});
