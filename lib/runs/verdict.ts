// A finished step's verdict from how it ended and its expectation (what to suggest next is
// lib/runs/diagnosis-walk.ts).
import { formatBytes } from "@/lib/format/bytes";
import { describeDuration } from "@/lib/format/durations";
import { failedExpectation, type Expectation } from "@/lib/playbooks/expectations";
import type { ExitCause, Verdict } from "./protocol";

export interface StepEnding {
  cause: ExitCause | "agent-lost" | "refused";
  exitCode: number | null;
  signal: string | null;
  /** Output with ANSI escapes removed (see ExpectText for what is kept of large outputs). */
  text: string;
  timeoutSec: number;
  maxOutputBytes: number;
  error?: string;
}

export interface Judgement {
  verdict: Exclude<Verdict, "running">;
  reason: string | null;
}

export function judge(expect: Expectation, end: StepEnding): Judgement {
  switch (end.cause) {
    case "spawn-failed":
      return { verdict: "error", reason: `the step could not start: ${end.error ?? "unknown error"}` };
    case "agent-lost":
      return {
        verdict: "error",
        reason: end.error ?? "the agent disconnected while the step ran; output up to then is kept",
      };
    case "refused":
      return { verdict: "refused", reason: end.error ?? "refused" };
    case "cancelled":
      return { verdict: "cancelled", reason: "cancelled" };
    case "timed-out":
      return { verdict: "timed-out", reason: `timed out after ${describeDuration(end.timeoutSec)}` };
    case "output-cap": {
      const cap = formatBytes(end.maxOutputBytes);
      const reason = `output cap of ${cap} reached: the step was stopped and its output truncated`;
      return { verdict: "error", reason };
    }
    case "exited":
      break;
  }
  if (end.signal) return { verdict: "failed", reason: `killed by ${end.signal}` };
  try {
    const reason = failedExpectation(expect, end);
    if (reason !== null) return { verdict: "failed", reason };
  } catch (err) {
    const reason = `the step's expectation is not a valid regular expression: ${(err as Error).message}`;
    return { verdict: "error", reason };
  }
  return { verdict: "passed", reason: null };
}
