// Browser flow control in one step's session: a lagging watcher pauses the agent for a bounded
// time only, and one that acknowledges backwards stops being waited for at once.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UI_WINDOW_BYTES } from "@/lib/runs/protocol";
import type { OutputSink } from "@/lib/runs/run-store";
import { StepSession } from "./step-session";

const MB = 1024 * 1024;

/** Records nothing and commits at once: what is under test is the crediting. */
function memorySink(): OutputSink {
  let bytes = 0;
  let raw = 0;
  return {
    get bytes() {
      return bytes;
    },
    get committedRaw() {
      return raw;
    },
    uncommittedBytes: 0,
    push: (data, rawEnd) => {
      bytes += data.length;
      raw = rawEnd;
    },
    snapshot: () => ({ bytes, chunks: [] }) as unknown as ReturnType<OutputSink["snapshot"]>,
    flush: async () => {},
  };
}

function session() {
  const acks: number[] = [];
  const resyncs: string[] = [];
  /** Per socket the live bytes it got, for the two watchers the tests use. */
  const got = new Map<string, number>();
  const s = new StepSession({
    stepRunId: "sr1",
    secrets: [],
    maxOutputBytes: 0,
    record: () => memorySink(),
    broadcast: (_offset, data, except) => {
      for (const id of ["rogue", "fine"]) if (!except.has(id)) got.set(id, (got.get(id) ?? 0) + data.length);
    },
    resync: (socketId) => resyncs.push(socketId),
    sendAck: (offset) => acks.push(offset),
  });
  let offset = 0;
  const feed = (bytes: number) => {
    s.take({ stepRunId: "sr1", seq: 0, offset, data: Buffer.alloc(bytes, "x") });
    offset += bytes;
  };
  return { s, acks, feed, resyncs, got };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("StepSession watchers", () => {
  it("stops waiting for a watcher that keeps acknowledging without progress", async () => {
    const { s, acks, feed } = session();
    s.watcherAck("rogue", 0);
    feed(3 * MB); // more than the browser window ahead of the watcher
    expect(acks).toEqual([]);
    // Acknowledging the same offset every 100 ms is not progress: after the stall bound it is dropped.
    for (let t = 0; t < 5_000; t += 100) {
      s.watcherAck("rogue", 0);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(acks).toEqual([]); // still within the bound: a slow watcher pauses the agent
    for (let t = 0; t < 6_000; t += 100) {
      s.watcherAck("rogue", 0);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(acks).toEqual([3 * MB]);
    expect(s.waitsFor("rogue")).toBe(false);
    feed(3 * MB);
    expect(acks.at(-1)).toBe(6 * MB);
  });

  it("keeps waiting for a watcher that lags but makes progress", async () => {
    const { s, acks, feed } = session();
    s.watcherAck("slow", 0);
    feed(3 * MB);
    for (let t = 0; t < 15_000; t += 1000) {
      s.watcherAck("slow", (t / 1000 + 1) * 1000); // a few KB a second
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(acks).toEqual([]);
    expect(s.waitsFor("slow")).toBe(true);
    s.watcherAck("slow", 3 * MB - UI_WINDOW_BYTES + 1);
    expect(acks).toEqual([3 * MB]);
  });

  it("stops waiting at once for a watcher that acknowledges backwards", () => {
    const { s, acks, feed } = session();
    feed(3 * MB);
    s.watcherAck("rogue", MB / 2);
    feed(MB);
    const before = acks.length;
    s.watcherAck("rogue", 0);
    expect(s.waitsFor("rogue")).toBe(false);
    expect(acks.length).toBeGreaterThan(before);
    expect(acks.at(-1)).toBe(4 * MB);
    // Dropped for this step: later acknowledgements are ignored until it is gone and comes back.
    s.watcherAck("rogue", MB);
    feed(3 * MB);
    expect(acks.at(-1)).toBe(7 * MB);
    s.watcherGone("rogue");
    expect(s.waitsFor("rogue")).toBe(true);
  });

  it("tells a dropped watcher once to re-sync, sends it no more live output until a replay readmits it", () => {
    const { s, feed, resyncs, got } = session();
    feed(1000);
    s.watcherAck("rogue", 1000);
    s.watcherAck("rogue", 10);
    expect(resyncs).toEqual(["rogue"]);
    feed(500);
    s.watcherAck("rogue", 0);
    expect(resyncs).toEqual(["rogue"]);
    expect(got).toEqual(
      new Map([
        ["rogue", 1000],
        ["fine", 1500],
      ]),
    );
    s.readmit("rogue");
    expect(s.waitsFor("rogue")).toBe(true);
    feed(200);
    expect(got.get("rogue")).toBe(1200);
  });
});
