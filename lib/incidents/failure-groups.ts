// A run's failed step runs, grouped into the root causes an incident records. A step retried
// until someone gave up is one cause, not one per attempt; two steps that failed with the same
// error (every OrbStack check saying "orb: not found") are one cause too.
import { looksLikeError } from "@/lib/markdown/error-text";
import { fencedBlock } from "./markdown/lines";
import type { RootCauseInput } from "./schema";

/** One failed step run, as the prefill read it. */
export interface StepFailure {
  id: string;
  stepId: string;
  title: string;
  command: string;
  /** "failed, exit 127 (reason)". */
  outcome: string;
  at: Date;
  /** The last lines of its output. */
  excerpt: string;
}

export interface FailureGroup {
  steps: Array<Pick<StepFailure, "stepId" | "title">>;
  /** Oldest first. */
  failures: StepFailure[];
  latest: StepFailure;
}

/** What a step said when it failed: its last error-looking line, else its last line; spaces collapsed. */
export function failureReason(excerpt: string): string {
  const lines = excerpt
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter((l) => l !== "");
  return lines.filter(looksLikeError).at(-1) ?? lines.at(-1) ?? "";
}

/** Failures (in the order they happened) grouped by step, and steps grouped by a shared reason. */
export function groupFailures(failures: readonly StepFailure[]): FailureGroup[] {
  const groups: FailureGroup[] = [];
  const byStep = new Map<string, FailureGroup>();
  const byReason = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const reason = failureReason(failure.excerpt);
    let group = byStep.get(failure.stepId) ?? (reason ? byReason.get(reason) : undefined);
    if (!group) {
      group = { steps: [], failures: [], latest: failure };
      groups.push(group);
    }
    if (!group.steps.some((s) => s.stepId === failure.stepId))
      group.steps.push({ stepId: failure.stepId, title: failure.title });
    group.failures.push(failure);
    if (failure.at >= group.latest.at) group.latest = failure;
    byStep.set(failure.stepId, group);
    if (reason && !byReason.has(reason)) byReason.set(reason, group);
  }
  return groups;
}

const quoted = (title: string) => `“${title}”`;
const linkText = (text: string) => text.replace(/[[\]]/g, "");

function causeTitle(steps: FailureGroup["steps"]): string {
  const names = steps.map((s) => quoted(s.title));
  if (names.length === 1) return `Step ${names[0]} failed`;
  return `Steps ${names.slice(0, -1).join(", ")} and ${names.at(-1)} failed`;
}

/** The root cause for a group: the latest failure's output and command, and a link to every attempt. */
export function rootCauseFor(group: FailureGroup, runLink: string): RootCauseInput {
  const { latest, failures } = group;
  const attempts = failures.map(
    (f) => `- [${linkText(`${f.title}: ${f.outcome} at ${f.at.toISOString()}`)}](${runLink}#step-run-${f.id})`,
  );
  const times = failures.length === 1 ? "once" : `${failures.length} times`;
  return {
    title: causeTitle(group.steps).slice(0, 200),
    symptom: latest.excerpt ? fencedBlock(latest.excerpt) : "",
    cause: "",
    evidence: [
      fencedBlock(latest.command, "bash"),
      `${latest.outcome} at ${latest.at.toISOString()}`,
      `Failed ${times}:\n${attempts.join("\n")}`,
    ].join("\n\n"),
    fix: "",
    prevention: "",
  };
}
