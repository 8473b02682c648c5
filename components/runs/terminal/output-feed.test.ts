import { describe, expect, it } from "vitest";
import { BATCH_BYTES, OutputFeed, REPORT_BYTES, type TerminalWriter } from "./output-feed";

/** Stands in for xterm: keeps what it was given and parses it only when told to. */
class RecordingTerminal implements TerminalWriter {
  writes: Uint8Array[] = [];
  private callbacks: (() => void)[] = [];

  write(data: Uint8Array, callback?: () => void): void {
    this.writes.push(data);
    if (callback) this.callbacks.push(callback);
  }

  /** Parses every write handed over so far. */
  parseAll(): void {
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const cb of callbacks) cb();
  }

  text(): string {
    return this.writes.map((w) => Buffer.from(w).toString("utf8")).join("");
  }
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A schedule the test runs by hand, so batching is deterministic. */
function manualSchedule() {
  const pending: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void pending.push(fn),
    run: () => {
      while (pending.length) pending.shift()!();
    },
  };
}

describe("OutputFeed", () => {
  it("writes out-of-order and overlapping chunks once each, in offset order", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const feed = new OutputFeed({ writer: term, schedule: timer.schedule });
    feed.push(6, bytes("world\n"));
    expect(feed.hasGap).toBe(true);
    feed.push(0, bytes("hello "));
    feed.push(3, bytes("lo wor")); // a replay overlapping live output
    timer.run();
    expect(term.text()).toBe("hello world\n");
    expect(feed.hasGap).toBe(false);
    expect(feed.received).toBe(12);
  });

  it("writes a chunk at once to an idle terminal, and batches those that arrive while it parses", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const feed = new OutputFeed({ writer: term, schedule: timer.schedule });
    for (let i = 0; i < 100; i++) feed.push(i * 4, bytes("yes\n"));
    expect(term.writes.map((w) => w.byteLength)).toEqual([4]); // the echo is not held for a timer
    timer.run();
    expect(term.writes.map((w) => w.byteLength)).toEqual([4, 396]);
    term.parseAll();
    feed.push(400, bytes("$ "));
    expect(term.writes.map((w) => w.byteLength)).toEqual([4, 396, 2]);
  });

  it("writes at once when a batch is full, without waiting for the timer", () => {
    const term = new RecordingTerminal();
    const feed = new OutputFeed({ writer: term, schedule: () => undefined });
    feed.push(0, new Uint8Array(BATCH_BYTES));
    expect(term.writes).toHaveLength(1);
  });

  it("turns a held replay into a single write on release", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const feed = new OutputFeed({ writer: term, schedule: timer.schedule });
    feed.hold();
    const chunk = 256 * 1024;
    for (let i = 0; i < 12; i++) feed.push(i * chunk, new Uint8Array(chunk).fill(65 + i));
    timer.run();
    expect(term.writes).toHaveLength(0);
    feed.release();
    expect(term.writes).toHaveLength(1);
    expect(term.writes[0]!.byteLength).toBe(12 * chunk);
    expect(term.writes[0]![11 * chunk]).toBe(65 + 11);
  });

  it("reports only what the terminal has parsed", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const later = manualSchedule();
    const reports: number[] = [];
    const onConsumed = (o: number) => reports.push(o);
    const feed = new OutputFeed({ writer: term, schedule: timer.schedule, scheduleReport: later.schedule, onConsumed });
    feed.push(0, new Uint8Array(3 * REPORT_BYTES));
    timer.run();
    feed.push(3 * REPORT_BYTES, new Uint8Array(10));
    timer.run();
    // Handed over, not parsed: nothing may be acknowledged yet, so a slow tab holds the agent back.
    expect(feed.written).toBe(3 * REPORT_BYTES + 10);
    expect(reports).toEqual([]);
    term.parseAll();
    expect(feed.consumed).toBe(3 * REPORT_BYTES + 10);
    later.run();
    expect(reports).toEqual([3 * REPORT_BYTES, 3 * REPORT_BYTES + 10]);
  });

  it("reports a small tail soon after the terminal catches up, one report for a trickle of chunks", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const later = manualSchedule();
    const reports: number[] = [];
    const feed = new OutputFeed({
      writer: term,
      schedule: timer.schedule,
      scheduleReport: later.schedule,
      onConsumed: (o) => reports.push(o),
    });
    feed.push(0, bytes("podman: not found on PATH\r\n"));
    term.parseAll();
    feed.push(27, bytes("$ "));
    term.parseAll();
    expect(reports).toEqual([]); // not one packet per chunk
    later.run();
    expect(reports).toEqual([29]);
    later.run();
    expect(reports).toEqual([29]);
  });

  it("stops writing and reporting after dispose", () => {
    const term = new RecordingTerminal();
    const timer = manualSchedule();
    const reports: number[] = [];
    const feed = new OutputFeed({ writer: term, schedule: timer.schedule, onConsumed: (o) => reports.push(o) });
    feed.push(0, bytes("a"));
    timer.run();
    feed.dispose();
    term.parseAll();
    feed.push(1, bytes("b"));
    timer.run();
    expect(term.text()).toBe("a");
    expect(reports).toEqual([]);
  });
});
