// How a finished step is written down: its verdict from the expectation, what it captured from its
// output, then the StepRun row and the audit event, with the run's secrets masked in both.
import type { Step } from "@/lib/playbooks/types";
import type { StepAudit } from "@/lib/runs/audit";
import { applyCaptures, type Captured } from "@/lib/runs/captures";
import type { StepRunEnd } from "@/lib/runs/run-store";
import { SecretMasker } from "@/lib/runs/secret-masker";
import { judge, type StepEnding } from "@/lib/runs/verdict";
import type { SessionOutput } from "./step-session";

/** How the step stopped, as the agent (or the hub, for a lost agent) tells it. */
export type Ending = Omit<StepEnding, "text" | "timeoutSec" | "maxOutputBytes">;

export interface EndedStep {
  run: { hostName: string; playbookSlug: string; contentHash: string; secrets: string[] };
  step: Step;
  userId: string;
  command: string;
  startedAt: Date;
}

export function recordEnding(
  ended: EndedStep,
  ending: Ending,
  output: SessionOutput,
  maxOutputBytes: number,
): { end: StepRunEnd; audit: StepAudit; captured: Captured } {
  const { run, step } = ended;
  // The text as a getter: an expectation that never looks at the output never decodes it.
  const outcome = {
    ...ending,
    get text() {
      return output.text;
    },
    timeoutSec: step.timeout,
    maxOutputBytes,
  };
  const judgement = judge(step.expect, outcome);
  const masker = new SecretMasker(run.secrets);
  const reason = judgement.reason === null ? null : masker.maskText(judgement.reason);
  const endedAt = new Date();
  const captured = applyCaptures(step.capture, step.capture ? output.text : "");
  const end: StepRunEnd = {
    endedAt,
    exitCode: ending.exitCode,
    signal: ending.signal,
    verdict: judgement.verdict,
    reason,
    outputBytes: output.bytes,
    truncated: output.truncated || ending.cause === "output-cap",
    ...(captured.stored.length > 0 && { captures: captured.stored }),
  };
  const audit: StepAudit = {
    userId: ended.userId,
    hostName: run.hostName,
    playbookSlug: run.playbookSlug,
    contentHash: run.contentHash,
    stepId: step.id,
    command: masker.maskText(ended.command),
    exitCode: ending.exitCode,
    verdict: judgement.verdict,
    startedAt: ended.startedAt,
    endedAt,
    detail: reason,
  };
  return { end, audit, captured };
}
