// Checks a run's input values against the playbook's declarations, by the rules the run form
// applies too (input-rules.ts), and splits them into what the step gets and what is stored.
import type { PlaybookInput } from "@/lib/playbooks/types";
import { effectiveValue, inputProblem, unknownInputs } from "./input-rules";
import { SECRET_MASK } from "./secret-masker";

export interface CheckedInputs {
  /** What the step's environment gets. */
  values: Record<string, string>;
  /** What is stored with the run: secret values replaced by a mask. */
  stored: Record<string, string>;
  secrets: string[];
}

export type InputCheck = { ok: true; inputs: CheckedInputs } | { ok: false; message: string };

export function checkInputs(declared: readonly PlaybookInput[], given: Record<string, string>): InputCheck {
  const unknown = unknownInputs(declared, given);
  if (unknown.length)
    return { ok: false, message: `unknown input${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` };
  const values: Record<string, string> = {};
  const stored: Record<string, string> = {};
  const secrets: string[] = [];
  for (const input of declared) {
    const value = effectiveValue(input, given[input.name]);
    const problem = inputProblem(input, value);
    if (problem) return { ok: false, message: `input ${input.name} (${input.label}) ${problem}` };
    if (value === undefined) continue;
    values[input.name] = value;
    stored[input.name] = input.secret ? SECRET_MASK : value;
    if (input.secret) secrets.push(value);
  }
  return { ok: true, inputs: { values, stored, secrets } };
}
