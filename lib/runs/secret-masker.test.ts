import { describe, expect, it } from "vitest";
import { SecretMasker } from "./secret-masker";

function run(secrets: string[], chunks: string[]): { out: string; pieces: string[] } {
  const m = new SecretMasker(secrets);
  const pieces = chunks.map((c) => m.push(Buffer.from(c)).toString());
  pieces.push(m.flush().toString());
  return { out: pieces.join(""), pieces };
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
});
