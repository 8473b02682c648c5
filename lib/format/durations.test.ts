import { describe, expect, it } from "vitest";
import { describeDuration, formatDuration, formatElapsed } from "./durations";

describe("run formatting", () => {
  it("prints durations at a useful precision", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(4_249)).toBe("4.2 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
    expect(formatDuration(-1)).toBe("—");
  });

  it("prints a stopwatch", () => {
    expect(formatElapsed(7_900)).toBe("0:07");
    expect(formatElapsed(760_000)).toBe("12:40");
    expect(formatElapsed(3_723_000)).toBe("1:02:03");
  });
});

describe("describeDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [60, "1 min"],
    [90, "1 min 30 s"],
    [3600, "1 h"],
    [3725, "1 h 2 min 5 s"],
  ])("%d seconds is %s", (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});
