import { describe, expect, it } from "vitest";
import { HOLD_BYTES, HOLD_STEPS, OutputRouter, type OutputChunk } from "./output-router";

const chunk = (offset: number, size: number): OutputChunk => ({ offset, data: new Uint8Array(size) });

describe("OutputRouter", () => {
  it("holds output that arrives before its terminal, then hands it over in order", () => {
    const router = new OutputRouter();
    router.route("s1", chunk(0, 5));
    router.route("s1", chunk(5, 3));
    const seen: number[] = [];
    const { overflowed } = router.attach("s1", (c) => seen.push(c.offset));
    router.route("s1", chunk(8, 2));
    expect(seen).toEqual([0, 5, 8]);
    expect(overflowed).toBe(false);
    expect(router.heldBytes("s1")).toBe(0);
  });

  it("sends each step's output only to that step's terminal", () => {
    const router = new OutputRouter();
    const a: number[] = [];
    const b: number[] = [];
    router.attach("a", (c) => a.push(c.offset));
    router.attach("b", (c) => b.push(c.offset));
    router.route("a", chunk(0, 1));
    router.route("b", chunk(7, 1));
    expect(a).toEqual([0]);
    expect(b).toEqual([7]);
  });

  it("holds again after the terminal detaches", () => {
    const router = new OutputRouter();
    const seen: number[] = [];
    const { detach } = router.attach("s", (c) => seen.push(c.offset));
    detach();
    router.route("s", chunk(0, 4));
    expect(seen).toEqual([]);
    expect(router.heldBytes("s")).toBe(4);
  });

  it("bounds what it holds and says so, so the terminal asks for a replay", () => {
    const router = new OutputRouter();
    router.route("s", chunk(0, HOLD_BYTES));
    router.route("s", chunk(HOLD_BYTES, 1));
    expect(router.heldBytes("s")).toBe(HOLD_BYTES);
    expect(router.attach("s", () => undefined).overflowed).toBe(true);
  });

  it("passes the hub's re-sync to the step's terminal, or marks what is held as incomplete", () => {
    const router = new OutputRouter();
    let resyncs = 0;
    router.attach(
      "a",
      () => undefined,
      () => resyncs++,
    );
    router.resync("a");
    expect(resyncs).toBe(1);
    router.route("b", chunk(0, 4));
    router.resync("b");
    expect(router.attach("b", () => undefined).overflowed).toBe(true);
  });

  it("forgets the oldest step when too many are held", () => {
    const router = new OutputRouter();
    for (let i = 0; i <= HOLD_STEPS; i++) router.route(`s${i}`, chunk(0, 1));
    expect(router.heldBytes("s0")).toBe(0);
    expect(router.heldBytes(`s${HOLD_STEPS}`)).toBe(1);
  });
});
