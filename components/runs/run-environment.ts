// The variables a step of this playbook runs with, as the browser may show them: a run's inputs (as
// stored) and what its steps captured, or before a run the form's values. Secret values are never
// in it: they show masked, and Copy keeps them as $NAME.
import { effectiveValue } from "@/lib/runs/input-rules";
import { runCaptures } from "@/lib/runs/captures";
import { fillVariables } from "@/lib/runs/fill-variables";
import type { CapturedValue, RunView } from "@/lib/runs/protocol";
import type { PlaybookRun } from "./playbook-run-context";

export interface ShownVariable {
  name: string;
  /** Null for a secret. */
  value: string | null;
  from: "input" | "capture";
}

export const SHOWN_SECRET = "••••••";

type Declared = readonly { name: string; secret: boolean }[];
type RunContext = Pick<PlaybookRun, "playbook" | "run" | "values">;

/** A run's variables: its stored inputs (secret by the playbook's declarations), then its captures. */
export function runVariables(run: Pick<RunView, "inputs" | "steps">, declared: Declared): ShownVariable[] {
  const secret = new Set(declared.filter((input) => input.secret).map((input) => input.name));
  const inputs = Object.entries(run.inputs).map(([name, value]): ShownVariable => ({
    name,
    value: secret.has(name) ? null : value,
    from: "input",
  }));
  return [...inputs, ...runCaptures(run).map(shownCapture)];
}

export function shownCapture(capture: CapturedValue): ShownVariable {
  return { name: capture.name, value: capture.secret ? null : capture.value, from: "capture" };
}

/** What the next step runs with: the active run's variables, or those of the run it would start. */
export function nextStepVariables(ctx: RunContext): ShownVariable[] {
  if (ctx.run?.status === "active") return runVariables(ctx.run, ctx.playbook.inputs);
  return ctx.playbook.inputs.flatMap((input): ShownVariable[] => {
    const value = effectiveValue(input, ctx.values[input.name]);
    return value === undefined ? [] : [{ name: input.name, value: input.secret ? null : value, from: "input" }];
  });
}

/** A step's command with the active run's values filled in (lib/runs/fill-variables.ts); null without a run. */
export function filledStepCode(ctx: RunContext, stepId: string): string | null {
  const step = ctx.playbook.steps.find((s) => s.id === stepId);
  if (ctx.run?.status !== "active" || !step) return null;
  const values: Record<string, string> = {};
  for (const v of runVariables(ctx.run, ctx.playbook.inputs)) if (v.value !== null) values[v.name] = v.value;
  return fillVariables(step.code, step.variables, values);
}
