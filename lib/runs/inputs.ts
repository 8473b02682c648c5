// Checks a run's input values against the playbook's declarations.
import type { PlaybookInput } from "@/lib/playbooks/types";
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
  const known = new Set(declared.map((input) => input.name));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (unknown.length) return { ok: false, message: `unknown input${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` };
  const values: Record<string, string> = {};
  const stored: Record<string, string> = {};
  const secrets: string[] = [];
  for (const input of declared) {
    const raw = given[input.name];
    const value = raw !== undefined && raw !== "" ? raw : input.default;
    if (value === undefined || value === "") {
      if (input.required) return { ok: false, message: `input ${input.name} (${input.label}) is required` };
      continue;
    }
    if (input.pattern !== undefined && !new RegExp(input.pattern).test(value)) {
      return { ok: false, message: `input ${input.name} (${input.label}) must match /${input.pattern}/` };
    }
    if (value.includes("\0")) return { ok: false, message: `input ${input.name} contains a NUL byte` };
    values[input.name] = value;
    stored[input.name] = input.secret ? SECRET_MASK : value;
    if (input.secret) secrets.push(value);
  }
  return { ok: true, inputs: { values, stored, secrets } };
}
