import { describe, expect, it } from "vitest";
import { MAX_CHUNK_BYTES, MIN_STEP_WINDOW_BYTES, OutgoingOutput, stepWindow } from "./outgoing-output";
import type { StepOutput } from "./protocol";

describe("OutgoingOutput", () => {
  it("numbers chunks with offsets, applies back-pressure at the window and resends unacked bytes", () => {
    const sent: StepOutput[] = [];
    const pressure: boolean[] = [];
    const first = MAX_CHUNK_BYTES + 4_464;
    const out = new OutgoingOutput(
      "s1",
      (c) => sent.push(c),
      (p) => pressure.push(p),
      first + 30_000,
    );
    out.push(Buffer.alloc(first, 1));
    out.flush();
    expect(sent.map((c) => [c.seq, c.offset, c.data.length])).toEqual([
      [0, 0, MAX_CHUNK_BYTES],
      [1, MAX_CHUNK_BYTES, 4_464],
    ]);
    out.push(Buffer.alloc(40_000, 2));
    out.flush();
    expect(pressure).toEqual([true]);
    out.ack(MAX_CHUNK_BYTES);
    expect(out.unackedBytes).toBe(44_464);
    expect(pressure).toEqual([true, false]);
    sent.length = 0;
    out.resend();
    expect(sent.map((c) => c.offset)).toEqual([MAX_CHUNK_BYTES, first]);
    expect(
      Buffer.concat(sent.map((c) => c.data))
        .subarray(4_464)
        .every((b) => b === 2),
    ).toBe(true);
  });

  it("pauses at once when its window shrinks below what is in flight, and resumes at half the new one", () => {
    const pressure: boolean[] = [];
    const out = new OutgoingOutput(
      "s1",
      () => {},
      (p) => pressure.push(p),
      4 * MAX_CHUNK_BYTES,
    );
    out.push(Buffer.alloc(2 * MAX_CHUNK_BYTES));
    out.flush();
    expect(pressure).toEqual([]);
    out.setWindow(stepWindow(4 * MAX_CHUNK_BYTES, 4));
    expect(pressure).toEqual([true]);
    out.ack(MAX_CHUNK_BYTES + MAX_CHUNK_BYTES / 2);
    expect(pressure).toEqual([true, false]);
    expect(stepWindow(1 << 20, 0)).toBe(1 << 20);
    expect(stepWindow(1 << 20, 100)).toBe(MIN_STEP_WINDOW_BYTES);
  });

  it("coalesces a burst of small reads into few messages, yet sends a lone small write at once", async () => {
    const sent: StepOutput[] = [];
    const out = new OutgoingOutput(
      "s1",
      (c) => sent.push(c),
      () => {},
      64 * 1024 * 1024,
    );
    const started = performance.now();
    for (let i = 0; i < 50; i++) {
      out.push(Buffer.alloc(4_095, i));
      await new Promise((resolve) => setImmediate(resolve)); // one PTY read per event-loop turn
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const elapsed = performance.now() - started;
    expect(
      Buffer.concat(sent.map((c) => c.data)).equals(
        Buffer.concat(Array.from({ length: 50 }, (_, i) => Buffer.alloc(4_095, i))),
      ),
    ).toBe(true);
    expect(sent.length).toBeLessThan(Math.max(3, elapsed / 2));
    sent.length = 0;
    out.push(Buffer.from("TICK\r\n"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.length).toBe(1);
  });
});
