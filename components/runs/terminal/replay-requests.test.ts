import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReplayRequests } from "./replay-requests";

function setup(refusal: string | null = null) {
  const log: string[] = [];
  let answer: (refusal: string | null) => void = () => {};
  const replays = new ReplayRequests({
    request: () => {
      log.push("request");
      return refusal === null ? Promise.resolve(null) : new Promise((resolve) => (answer = resolve));
    },
    hold: () => log.push("hold"),
    release: () => log.push("release"),
    onProblem: (message) => log.push(`problem: ${message}`),
    patienceMs: 1000,
  });
  return { replays, log, refuse: () => answer(refusal) };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("ReplayRequests", () => {
  it("fills gaps with one replay at a time", () => {
    const { replays, log } = setup();
    replays.fill();
    replays.fill();
    replays.ended();
    expect(log).toEqual(["hold", "request", "release"]);
    expect(replays.active).toBe(false);
  });

  it("replays at once when the hub drops the watcher", () => {
    const { replays, log } = setup();
    replays.resync();
    expect(log).toEqual(["hold", "request"]);
    expect(replays.active).toBe(true);
  });

  it("replays once more after the one under way when dropped meanwhile, however often", () => {
    const { replays, log } = setup();
    replays.fill();
    replays.resync();
    replays.resync();
    replays.ended();
    expect(log).toEqual(["hold", "request", "release", "hold", "request"]);
    replays.ended();
    replays.ended(); // a replay this terminal did not ask for (a resubscribe's) changes nothing
    expect(log.slice(5)).toEqual(["release"]);
    expect(replays.active).toBe(false);
  });

  it("gives up waiting after its patience, then asks again if dropped meanwhile", () => {
    const { replays, log } = setup();
    replays.fill();
    replays.resync();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(["hold", "request", "release", "hold", "request"]);
    vi.advanceTimersByTime(1000);
    expect(log.at(-1)).toBe("release");
    expect(replays.active).toBe(false);
  });

  it("reports a refusal and does not ask again", async () => {
    const { replays, log, refuse } = setup("No step run x in run y.");
    replays.fill();
    replays.resync();
    refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(["hold", "request", "release", "problem: No step run x in run y."]);
    expect(replays.active).toBe(false);
  });
});
