// The variables a step of this playbook runs with, as the browser knows them: the active run's
// inputs (as stored) and what its steps captured, or before a run the form's values. Secret values
// are never in it: the browser shows them masked and Copy keeps them as $VAR.
import { effectiveValue } from "@/lib/runs/input-rules";
import { runCaptures } from "@/lib/runs/captures";
import type { PlaybookRun } from "./playbook-run-context";

export interface ShownVariable {
  name: string;
  /** Null for a secret. */
  value: string | null;
  from: "input" | "capture";
}

export const SHOWN_SECRET = "••••••";

export function runEnvironment(ctx: Pick<PlaybookRun, "playbook" | "run" | "values">): ShownVariable[] {
  const { playbook, run } = ctx;
  const active = run?.status === "active" ? run : null;
  const shown: ShownVariable[] = [];
  for (const input of playbook.inputs) {
    const value = active ? active.inputs[input.name] : effectiveValue(input, ctx.values[input.name]);
    if (value !== undefined) shown.push({ name: input.name, value: input.secret ? null : value, from: "input" });
  }
  for (const capture of active ? runCaptures(active) : []) {
    shown.push({ name: capture.name, value: capture.secret ? null : capture.value, from: "capture" });
  }
  return shown;
}

/** What Copy writes into a step's command: the active run's values that are not secret. */
export function copyValues(ctx: Pick<PlaybookRun, "playbook" | "run" | "values">): Record<string, string> | null {
  if (ctx.run?.status !== "active") return null;
  const values: Record<string, string> = {};
  for (const variable of runEnvironment(ctx)) if (variable.value !== null) values[variable.name] = variable.value;
  return values;
}
