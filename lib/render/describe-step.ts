// Words for a step's machine-readable fields, so a reader understands a step card without knowing
// the playbook format.
import type { Expectation, Playbook, Step } from "@/lib/playbooks/types";

/** "passes when the exit code is 0 and the output matches /podman version/". */
export function describeExpectation(expect: Expectation): string {
  const parts = [`the exit code is ${expect.exit}`];
  if (expect.match !== undefined) parts.push(`the output matches /${expect.match}/`);
  if (expect.notMatch !== undefined) parts.push(`the output does not match /${expect.notMatch}/`);
  return `Passes when ${joinWithAnd(parts)}`;
}

function joinWithAnd(parts: string[]): string {
  if (parts.length <= 2) return parts.join(" and ");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** 45 → "45 s", 90 → "1 min 30 s", 3600 → "1 h". */
export function describeDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : "", rest ? `${rest} s` : ""].filter(Boolean).join(" ");
}

export interface NextStep {
  /** The step to go to, or undefined when the playbook ends here. */
  step?: Pick<Step, "id" | "title">;
  /** True when the author named the step; false when it is simply the next one in the document. */
  explicit: boolean;
}

/** Where a run goes after this step passes or fails: the named step, else the next in document
 *  order, else the end of the playbook. */
export function nextSteps(playbook: Pick<Playbook, "steps">, step: Step): { onPass: NextStep; onFail: NextStep } {
  const index = playbook.steps.findIndex((s) => s.id === step.id);
  const following = index >= 0 ? playbook.steps[index + 1] : undefined;
  const resolve = (target: string | undefined): NextStep => {
    if (target === undefined) return { step: following, explicit: false };
    return { step: playbook.steps.find((s) => s.id === target) ?? { id: target, title: target }, explicit: true };
  };
  return { onPass: resolve(step.onPass), onFail: resolve(step.onFail) };
}

export const RISK_LABELS = {
  read: { label: "Read-only", hint: "Diagnostic; changes nothing on the host." },
  change: { label: "Changes host", hint: "Modifies the host; asks for confirmation before it runs." },
  danger: { label: "Danger", hint: "Destructive; only admins may run it, after typing the step id." },
} as const;
