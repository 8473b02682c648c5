import { describe, expect, it } from "vitest";
import { openValue, redisSeal, sealValue, sealedParser } from "./redis-seal";

const seal = redisSeal("a-shared-secret-of-at-least-32-characters");

describe("redisSeal", () => {
  it("round-trips, and never starts with the adapter's JSON marker", () => {
    for (let i = 0; i < 200; i++) {
      const sealed = seal.seal(Buffer.from(`message ${i}`));
      expect(sealed[0]).not.toBe(0x7b);
      expect(seal.open(sealed)?.toString()).toBe(`message ${i}`);
    }
  });

  it("hides the text and refuses other keys and altered bytes", () => {
    const sealed = seal.seal(Buffer.from("secret step output"));
    expect(sealed.includes(Buffer.from("secret"))).toBe(false);
    expect(redisSeal("another-secret-of-at-least-32-characters!").open(sealed)).toBeNull();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(seal.open(altered)).toBeNull();
    expect(seal.open(Buffer.from('{"type":6}'))).toBeNull();
  });

  it("decodes what it cannot open to a list the adapter ignores", () => {
    const parser = sealedParser(seal);
    expect(parser.decode(parser.encode(["uid", { nsp: "/ui" }, { rooms: [] }]))).toEqual([
      "uid",
      { nsp: "/ui" },
      { rooms: [] },
    ]);
    expect(parser.decode(Buffer.from([0x93, 0xa3, 0x75, 0x69, 0x64]))).toEqual([]);
  });

  it("seals JSON values as text", () => {
    expect(openValue(seal, sealValue(seal, { ok: true, n: 1 }))).toEqual({ ok: true, n: 1 });
    expect(openValue(seal, JSON.stringify({ ok: true }))).toBeUndefined();
    expect(openValue(seal, 42)).toBeUndefined();
  });
});
