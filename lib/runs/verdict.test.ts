import { describe, expect, it } from "vitest";
import { stripAnsi } from "./ansi";
import { judge, type StepEnding } from "./verdict";

const end = (over: Partial<StepEnding>): StepEnding => ({
  cause: "exited",
  exitCode: 0,
  signal: null,
  text: "",
  timeoutSec: 60,
  maxOutputBytes: 1 << 20,
  ...over,
});

describe("judge", () => {
  it("checks the exit code, then match and notMatch on ANSI-stripped text", () => {
    expect(judge({ exit: 0 }, end({}))).toEqual({ verdict: "passed", reason: null });
    expect(judge({ exit: 0 }, end({ exitCode: 2 }))).toEqual({ verdict: "failed", reason: "exit code 2, expected 0" });
    expect(judge({ exit: 1 }, end({ exitCode: 1 })).verdict).toBe("passed");
    const text = stripAnsi("\x1b[32mpodman version 4.9.3\x1b[0m\r\n");
    expect(text).toBe("podman version 4.9.3\n");
    expect(judge({ exit: 0, match: "^podman version \\d" }, end({ text })).verdict).toBe("passed");
    expect(judge({ exit: 0, match: "docker" }, end({ text }))).toEqual({
      verdict: "failed",
      reason: "output does not match /docker/",
    });
    expect(judge({ exit: 0, notMatch: "version 4" }, end({ text })).verdict).toBe("failed");
    expect(judge({ exit: 0 }, end({ signal: "SIGSEGV", exitCode: null }))).toEqual({
      verdict: "failed",
      reason: "killed by SIGSEGV",
    });
  });

  it("names timeouts, cancels, caps and start failures plainly", () => {
    expect(judge({ exit: 0 }, end({ cause: "timed-out", timeoutSec: 5 }))).toEqual({
      verdict: "timed-out",
      reason: "timed out after 5 s",
    });
    expect(judge({ exit: 0 }, end({ cause: "cancelled" })).verdict).toBe("cancelled");
    expect(judge({ exit: 0 }, end({ cause: "output-cap", maxOutputBytes: 16 << 20 })).reason).toMatch(
      /output cap of 16 MB reached/,
    );
    expect(judge({ exit: 0 }, end({ cause: "spawn-failed", error: 'shell "zsh" not found' }))).toEqual({
      verdict: "error",
      reason: 'the step could not start: shell "zsh" not found',
    });
  });
});
