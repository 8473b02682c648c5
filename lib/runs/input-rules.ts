// Which values a run's inputs accept. The run form checks them to put a message beside each field,
// and the hub checks them again before a run starts, so both must apply the same rules.
import type { PlaybookInput } from "@/lib/playbooks/types";

export type InputDeclaration = Pick<
  PlaybookInput,
  "name" | "label" | "default" | "required" | "secret" | "pattern" | "description"
>;

/** Longest value a run accepts for one input (the /ui protocol refuses longer ones too). */
export const MAX_INPUT_LENGTH = 4096;

/** The value a run uses: what was typed, else the playbook's default; undefined when neither. */
export function effectiveValue(input: Pick<InputDeclaration, "default">, given?: string): string | undefined {
  const value = given !== undefined && given !== "" ? given : input.default;
  return value === "" ? undefined : value;
}

/** What is wrong with a value, as the end of a sentence about the input ("is required"), or null. */
export function inputProblem(input: InputDeclaration, value: string | undefined): string | null {
  if (value === undefined) return input.required ? "is required" : null;
  if (value.length > MAX_INPUT_LENGTH) return `is longer than ${MAX_INPUT_LENGTH} characters`;
  if (input.pattern !== undefined && !matches(input.pattern, value)) return `must match /${input.pattern}/`;
  if (value.includes("\0")) return "contains a NUL byte";
  return null;
}

/** A pattern that does not compile accepts nothing; the content check reports it to the author. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** Names given that the playbook does not declare. */
export function unknownInputs(declared: readonly InputDeclaration[], given: Readonly<Record<string, unknown>>) {
  const known = new Set(declared.map((input) => input.name));
  return Object.keys(given).filter((name) => !known.has(name));
}
