import { describe, expect, it } from "vitest";
import { OutputAssembler } from "./output-assembler";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (parts: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(parts));

describe("OutputAssembler", () => {
  it("delivers in offset order, dropping overlaps and holding gaps", () => {
    const out: Uint8Array[] = [];
    const a = new OutputAssembler((b) => out.push(b));
    a.push(6, bytes("world")); // live chunk before the replay arrived: held
    expect(out).toHaveLength(0);
    a.push(0, bytes("hello ")); // replay
    a.push(0, bytes("hello wo")); // duplicate prefix
    a.push(11, bytes("!"));
    expect(text(out)).toBe("hello world!");
    expect(a.offset).toBe(12);
  });

  it("takes a chunk that straddles the delivered offset", () => {
    const out: Uint8Array[] = [];
    const a = new OutputAssembler((b) => out.push(b));
    a.push(0, bytes("abc"));
    a.push(1, bytes("bcdef"));
    expect(text(out)).toBe("abcdef");
  });
});
