import { describe, expect, it } from "vitest";
import { OutgoingOutput } from "./outgoing-output";
import type { StepOutput } from "./protocol";

describe("OutgoingOutput", () => {
  it("numbers chunks with offsets, applies back-pressure at the window and resends unacked bytes", () => {
    const sent: StepOutput[] = [];
    const pressure: boolean[] = [];
    const out = new OutgoingOutput("s1", (c) => sent.push(c), (p) => pressure.push(p), 100_000);
    out.push(Buffer.alloc(70_000, 1));
    out.flush();
    expect(sent.map((c) => [c.seq, c.offset, c.data.length])).toEqual([[0, 0, 65_536], [1, 65_536, 4_464]]);
    out.push(Buffer.alloc(40_000, 2));
    out.flush();
    expect(pressure).toEqual([true]);
    out.ack(65_536);
    expect(out.unackedBytes).toBe(44_464);
    expect(pressure).toEqual([true, false]);
    sent.length = 0;
    out.resend();
    expect(sent.map((c) => c.offset)).toEqual([65_536, 70_000]);
    expect(Buffer.concat(sent.map((c) => c.data)).subarray(4_464).every((b) => b === 2)).toBe(true);
  });
});
