// A finished step's verdict from its expectation, and the step to suggest next.
import type { ExitCause } from "./protocol";
import type { Verdict } from "./protocol";
import type { Expectation, Playbook } from "@/lib/playbooks/types";

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

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function judge(expect: Expectation, end: StepEnding): Judgement {
  switch (end.cause) {
    case "spawn-failed":
      return { verdict: "error", reason: `the step could not start: ${end.error ?? "unknown error"}` };
    case "agent-lost":
      return { verdict: "error", reason: end.error ?? "the agent disconnected while the step ran; output up to then is kept" };
    case "refused":
      return { verdict: "refused", reason: end.error ?? "refused" };
    case "cancelled":
      return { verdict: "cancelled", reason: "cancelled" };
    case "timed-out":
      return { verdict: "timed-out", reason: `timed out after ${end.timeoutSec} s` };
    case "output-cap":
      return { verdict: "error", reason: `output cap of ${mb(end.maxOutputBytes)} reached: the step was stopped and its output truncated` };
    case "exited":
      break;
  }
  if (end.signal) return { verdict: "failed", reason: `killed by ${end.signal}` };
  if (end.exitCode !== expect.exit) return { verdict: "failed", reason: `exit code ${end.exitCode}, expected ${expect.exit}` };
  try {
    if (expect.match !== undefined && !new RegExp(expect.match, "m").test(end.text)) {
      return { verdict: "failed", reason: `output does not match /${expect.match}/` };
    }
    if (expect.notMatch !== undefined && new RegExp(expect.notMatch, "m").test(end.text)) {
      return { verdict: "failed", reason: `output matches /${expect.notMatch}/, which it must not` };
    }
  } catch (err) {
    return { verdict: "error", reason: `the step's expectation is not a valid regular expression: ${(err as Error).message}` };
  }
  return { verdict: "passed", reason: null };
}

/** onPass/onFail, or the next step in document order; null at the end or after an error. */
export function suggestNext(playbook: Playbook, stepId: string, verdict: Verdict): string | null {
  const index = playbook.steps.findIndex((s) => s.id === stepId);
  const step = playbook.steps[index];
  if (!step) return null;
  const following = playbook.steps[index + 1]?.id ?? null;
  if (verdict === "passed") return step.onPass ?? following;
  if (verdict === "failed" || verdict === "timed-out") return step.onFail ?? following;
  return null;
}
