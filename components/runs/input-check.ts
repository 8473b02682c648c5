// The run form's checks, field by field, so each message sits beside its input. The hub checks
// again (lib/runs/inputs.ts); this only spares a round trip.
import type { PlaybookInput } from "@/lib/playbooks/types";

export type InputDeclaration = Pick<PlaybookInput, "name" | "label" | "default" | "required" | "secret" | "pattern" | "description">;

export function initialInputValues(inputs: readonly InputDeclaration[]): Record<string, string> {
  return Object.fromEntries(inputs.map((input) => [input.name, input.secret ? "" : (input.default ?? "")]));
}

/** Messages by input name; empty when every value is acceptable. */
export function checkInputValues(inputs: readonly InputDeclaration[], values: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const input of inputs) {
    const given = values[input.name] ?? "";
    const value = given !== "" ? given : (input.default ?? "");
    if (value === "") {
      if (input.required) errors[input.name] = `${input.label} is required.`;
      continue;
    }
    if (input.pattern !== undefined) {
      let matches: boolean;
      try {
        matches = new RegExp(input.pattern).test(value);
      } catch {
        continue; // the content check reports bad patterns; the hub has the last word
      }
      if (!matches) errors[input.name] = `${input.label} must match /${input.pattern}/.`;
    }
    if (value.length > 4096) errors[input.name] = `${input.label} is longer than 4096 characters.`;
  }
  return errors;
}

/** What `run.start` sends: only values the user typed; empty ones fall back to defaults on the hub. */
export function valuesToSend(inputs: readonly InputDeclaration[], values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of inputs) {
    const value = values[input.name];
    if (value !== undefined && value !== "") out[input.name] = value;
  }
  return out;
}
