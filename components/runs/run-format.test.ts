import { describe, expect, it } from "vitest";
import { describeExit, formatAgo, formatBytes, formatDateTime, formatDuration, formatElapsed, stepDuration } from "./run-format";

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

  it("measures a finished step and not a running one", () => {
    expect(stepDuration({ startedAt: "2025-01-01T00:00:00.000Z", endedAt: "2025-01-01T00:00:01.500Z" })).toBe(1500);
    expect(stepDuration({ startedAt: "2025-01-01T00:00:00.000Z", endedAt: null })).toBeNull();
  });

  it("names a signal before an exit code", () => {
    expect(describeExit({ exitCode: 0, signal: null })).toBe("exit 0");
    expect(describeExit({ exitCode: null, signal: "SIGKILL" })).toBe("SIGKILL");
    expect(describeExit({ exitCode: null, signal: null })).toBeNull();
  });

  it("prints sizes and times", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(64 * 1024 * 1024)).toBe("64 MB");
    expect(formatDateTime("2025-03-04T05:06:07.000Z")).toBe("4 Mar 2025, 05:06:07 UTC");
    const now = Date.parse("2025-03-04T12:00:00.000Z");
    expect(formatAgo("2025-03-04T11:59:30.000Z", now)).toBe("just now");
    expect(formatAgo("2025-03-04T11:15:00.000Z", now)).toBe("45 min ago");
    expect(formatAgo("2025-03-02T12:00:00.000Z", now)).toBe("2 days ago");
  });
});
