// The run form's values: prefilled, checked field by field so each message sits beside its input,
// and sent. The hub checks again by the same rules (lib/runs/input-rules.ts); this spares a round trip.
import { effectiveValue, inputProblem, type InputDeclaration } from "@/lib/runs/input-rules";

export type { InputDeclaration };

export function initialInputValues(inputs: readonly InputDeclaration[]): Record<string, string> {
  return Object.fromEntries(inputs.map((input) => [input.name, input.secret ? "" : (input.default ?? "")]));
}

/** Messages by input name; empty when every value is acceptable. */
export function checkInputValues(
  inputs: readonly InputDeclaration[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const input of inputs) {
    const problem = inputProblem(input, effectiveValue(input, values[input.name]));
    if (problem) errors[input.name] = `${input.label} ${problem}.`;
  }
  return errors;
}

/** What `run.start` sends: only values the user typed; empty ones fall back to defaults on the hub. */
export function valuesToSend(
  inputs: readonly InputDeclaration[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of inputs) {
    const value = values[input.name];
    if (value !== undefined && value !== "") out[input.name] = value;
  }
  return out;
}
