import { describe, expect, it } from "vitest";
import { describeExit, stepDuration } from "./run-format";

describe("run formatting", () => {
  it("measures a finished step and not a running one", () => {
    expect(stepDuration({ startedAt: "2025-01-01T00:00:00.000Z", endedAt: "2025-01-01T00:00:01.500Z" })).toBe(1500);
    expect(stepDuration({ startedAt: "2025-01-01T00:00:00.000Z", endedAt: null })).toBeNull();
  });

  it("names a signal before an exit code", () => {
    expect(describeExit({ exitCode: 0, signal: null })).toBe("exit 0");
    expect(describeExit({ exitCode: null, signal: "SIGKILL" })).toBe("SIGKILL");
    expect(describeExit({ exitCode: null, signal: null })).toBeNull();
  });
});
