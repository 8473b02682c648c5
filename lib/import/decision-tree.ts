// The order a playbook suggests steps in, from what each step is for: a reproduction shows the
// problem, a diagnostic finds whether this cause is the one, a fix changes the host, and a verify
// after a fix checks that it worked. Within a problem a failed diagnostic leads to its fix and a
// passed one on to the next diagnostic or the next problem; a fix leads to its verification, and a
// failed verification back to the fix (with no verification, back to the check that found the
// cause). No link ever leads back to a reproduction step.
import type { StepRole } from "./import-report";
import type { DraftStep } from "./playbook-draft";

export interface RoledStep {
  step: DraftStep;
  role: StepRole;
  /** "If this fails …" in the prose: the next step is the way out. */
  onFailNext?: boolean;
}

export interface ProblemSteps {
  steps: RoledStep[];
}

const PART_FIX = /^(solution|fix|workaround|resolution|how to fix|remedy|what to do)/i;
const PART_VERIFY = /^(verif|confirm|check that|test that)/i;
// A command shown under "Symptom" is the one that fails: it reproduces the problem.
const PART_REPRODUCE = /^(reproduc|steps to reproduce|how to reproduce|symptoms?\b|errors?\b|problem\b)/i;

export function stepRole(step: DraftStep, ctx: { part: string; reproduces: boolean; afterFix: boolean }): StepRole {
  // A reproduction may change the host (it starts the container that fails); it is still not a fix.
  if (ctx.reproduces || PART_REPRODUCE.test(ctx.part)) return "reproduce";
  if (step.risk !== "read") return "fix";
  if (PART_VERIFY.test(ctx.part) || (ctx.afterFix && (PART_FIX.test(ctx.part) || /^verif/i.test(step.title))))
    return "verify";
  if (ctx.afterFix) return "verify";
  return "diagnose";
}

/** The step a problem starts at when someone arrives from elsewhere: its first diagnostic, or
 *  else its first step that is not a reproduction. */
export function entryStep(problem: ProblemSteps): DraftStep | undefined {
  return (
    problem.steps.find((s) => s.role === "diagnose")?.step ??
    problem.steps.find((s) => s.role !== "reproduce")?.step ??
    problem.steps[0]?.step
  );
}

export function linkSteps(problems: readonly ProblemSteps[]): void {
  const withSteps = problems.filter((p) => p.steps.length > 0);
  withSteps.forEach((problem, pi) => {
    const next = withSteps[pi + 1];
    const nextEntry = next ? entryStep(next)?.id : undefined;
    const steps = problem.steps;
    steps.forEach((s, si) => {
      const later = steps.slice(si + 1);
      const fixAfter = later.find((l) => l.role === "fix");
      if (s.onFailNext && later[0]) s.step.onFail = later[0].step.id;
      switch (s.role) {
        case "reproduce": {
          // Reproduced: go diagnose. Not reproduced: this problem is not the one.
          const diagnosis = later.find((l) => l.role !== "reproduce");
          if (diagnosis) s.step.onFail ??= diagnosis.step.id;
          if (nextEntry) s.step.onPass = nextEntry;
          break;
        }
        case "diagnose": {
          if (!fixAfter) break;
          s.step.onFail ??= fixAfter.step.id;
          const before = later.slice(0, later.indexOf(fixAfter));
          const nextCheck = before.find((l) => l.role === "diagnose");
          const onPass = nextCheck?.step.id ?? nextEntry;
          if (onPass) s.step.onPass = onPass;
          break;
        }
        case "fix": {
          // Fixed: verify it, or else run again the check that led here.
          const check =
            later.find((l) => l.role === "verify") ??
            steps
              .slice(0, si)
              .reverse()
              .find((l) => l.role === "diagnose");
          if (check) s.step.onPass = check.step.id;
          break;
        }
        case "verify": {
          const fix = steps
            .slice(0, si)
            .reverse()
            .find((l) => l.role === "fix");
          if (fix) s.step.onFail ??= fix.step.id;
          if (nextEntry) s.step.onPass = nextEntry;
          break;
        }
      }
    });
  });
}
