import { describe, expect, it } from "vitest";
import { ServerRotation } from "./server-rotation";

const A = "http://a.example";
const B = "http://b.example";
const C = "http://c.example";

/** Jitter pinned to the middle (a factor of 1), so the waits read as the back-off itself. */
const rotation = (urls: string[]) => new ServerRotation(urls, () => 0.5);

describe("ServerRotation", () => {
  it("goes round the list on failures, waiting longer each time up to 10 s", () => {
    const r = rotation([A, B, C]);
    expect(r.current).toBe(A);
    const dials = Array.from({ length: 7 }, () => r.failed());
    expect(dials.map((d) => d.url)).toEqual([B, C, A, B, C, A, B]);
    expect(dials.map((d) => d.delayMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("after a drop retries the same server once, soon, then moves on", () => {
    const r = rotation([A, B]);
    r.welcomed();
    expect(r.dropped()).toEqual({ url: A, delayMs: 500 });
    // The quick retry failed: the next server.
    expect(r.failed()).toEqual({ url: B, delayMs: 500 });
    // B accepted the connection but dropped it before any welcome: no second go at B.
    expect(r.dropped()).toEqual({ url: A, delayMs: 1000 });
  });

  it("starts afresh on a welcome", () => {
    const r = rotation([A, B]);
    r.failed();
    r.failed();
    r.failed();
    expect(r.current).toBe(B);
    r.welcomed();
    expect(r.dropped()).toEqual({ url: B, delayMs: 500 });
    expect(r.failed()).toEqual({ url: A, delayMs: 500 });
  });

  it("with one URL always dials it again", () => {
    const r = rotation([A]);
    expect([r.dropped(), r.failed(), r.dropped(), r.failed()].map((d) => d.url)).toEqual([A, A, A, A]);
  });

  it("spreads the waits by ±50 %", () => {
    expect(new ServerRotation([A], () => 0).failed().delayMs).toBe(250);
    expect(new ServerRotation([A], () => 0.999).failed().delayMs).toBeCloseTo(749.5);
  });
});
