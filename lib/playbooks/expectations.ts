// Every kind of step expectation, each with all it needs: how the parser reads it from
// `expect={{ … }}`, how a finished step is judged by it, how a step card says it in words, and how
// the importers write it back into MDX. A new kind is one entry in EXPECTATION_KINDS.
import { regexError } from "./content-error";
import type { StaticValue } from "./static-value";

/** What judging sees of a finished step: output with ANSI escapes removed. */
export interface StepOutcome {
  exitCode: number | null;
  text: string;
}

interface ExpectationKind<T> {
  /** A kind with a default applies to every step; one without applies only when written. */
  default?: T;
  /** The value from the static `expect` object, or why it is not acceptable. */
  parse(field: StaticValue, key: string): { value: T } | { error: string };
  /** Why the step fails this expectation, or null when it holds. May throw on a broken regex. */
  judge(value: T, outcome: StepOutcome): string | null;
  /** A clause for "Passes when …", e.g. "the exit code is 0". */
  describe(value: T): string;
  /** The value as a JavaScript literal inside `expect={{ … }}`. */
  serialise(value: T): string;
}

/** `match` and `notMatch`: a regex written as text, tried on each line ("m"). */
function regexField(field: StaticValue, key: string): { value: string } | { error: string } {
  if (typeof field !== "string" || field === "") {
    return { error: `expect.${key} must be a regular expression written as text, e.g. ${key}: "version \\\\d+"` };
  }
  const problem = regexError(field);
  return problem ? { error: `expect.${key} is not a valid regular expression: ${problem}` } : { value: field };
}

const exit = {
  default: 0,
  parse: (field) =>
    typeof field === "number" && Number.isInteger(field) && field >= 0 && field <= 255
      ? { value: field }
      : { error: `expect.exit must be a whole number from 0 to 255, got ${JSON.stringify(field)}` },
  judge: (value, { exitCode }) => (exitCode === value ? null : `exit code ${exitCode}, expected ${value}`),
  describe: (value) => `the exit code is ${value}`,
  serialise: (value) => String(value),
} satisfies ExpectationKind<number>;

const match = {
  parse: regexField,
  judge: (value, { text }) => (new RegExp(value, "m").test(text) ? null : `output does not match /${value}/`),
  describe: (value) => `the output matches /${value}/`,
  serialise: (value) => JSON.stringify(value),
} satisfies ExpectationKind<string>;

const notMatch = {
  parse: regexField,
  judge: (value, { text }) =>
    new RegExp(value, "m").test(text) ? `output matches /${value}/, which it must not` : null,
  describe: (value) => `the output does not match /${value}/`,
  serialise: (value) => JSON.stringify(value),
} satisfies ExpectationKind<string>;

/** In the order they are judged, described and written. */
export const EXPECTATION_KINDS = { exit, match, notMatch };

type Kinds = typeof EXPECTATION_KINDS;
export type ExpectationKey = keyof Kinds;
type ValueOf<K extends ExpectationKey> = Parameters<Kinds[K]["describe"]>[0];
type Defaulted = { [K in ExpectationKey]: Kinds[K] extends { default: unknown } ? K : never }[ExpectationKey];

/** What a step must produce to pass: kinds with a default are always there, the others when written. */
export type Expectation = { [K in Defaulted]: ValueOf<K> } & { [K in Exclude<ExpectationKey, Defaulted>]?: ValueOf<K> };

export const EXPECTATION_KEYS = Object.keys(EXPECTATION_KINDS) as ExpectationKey[];

// The table's entries seen through one interface, so a loop can call any of them.
const entries = EXPECTATION_KEYS.map((key) => [key, EXPECTATION_KINDS[key] as ExpectationKind<unknown>] as const);

function isKey(key: string): key is ExpectationKey {
  return (EXPECTATION_KEYS as string[]).includes(key);
}

export function defaultExpectation(): Expectation {
  const expectation: Record<string, unknown> = {};
  for (const [key, kind] of entries) if (kind.default !== undefined) expectation[key] = kind.default;
  return expectation as Expectation;
}

/** The expectation a step's `expect` value describes, and a message per problem (defaults kept). */
export function parseExpectation(value: StaticValue): { expectation: Expectation; errors: string[] } {
  const expectation: Record<string, unknown> = defaultExpectation();
  const errors: string[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    errors.push('expect must be an object like expect={{ exit: 0, match: "podman version" }}');
    return { expectation: expectation as Expectation, errors };
  }
  for (const [key, field] of Object.entries(value)) {
    if (!isKey(key)) {
      errors.push(`expect has unknown field "${key}" (allowed: ${EXPECTATION_KEYS.join(", ")})`);
      continue;
    }
    const parsed = (EXPECTATION_KINDS[key] as ExpectationKind<unknown>).parse(field, key);
    if ("error" in parsed) errors.push(parsed.error);
    else expectation[key] = parsed.value;
  }
  return { expectation: expectation as Expectation, errors };
}

/** Why the outcome fails the expectation (the first kind that does not hold), or null when it passes. */
export function failedExpectation(expect: Expectation, outcome: StepOutcome): string | null {
  for (const [key, kind] of entries) {
    const value = expect[key];
    if (value === undefined) continue;
    const reason = kind.judge(value, outcome);
    if (reason !== null) return reason;
  }
  return null;
}

/** "Passes when the exit code is 0 and the output matches /podman version/". */
export function describeExpectation(expect: Expectation): string {
  const parts = entries.flatMap(([key, kind]) => (expect[key] === undefined ? [] : [kind.describe(expect[key])]));
  return `Passes when ${joinWithAnd(parts)}`;
}

function joinWithAnd(parts: string[]): string {
  if (parts.length <= 2) return parts.join(" and ");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The source of `expect={{ … }}`; kinds left out take their default. */
export function expectationSource(expect: Partial<Expectation>): string {
  const parts = entries.flatMap(([key, kind]) => {
    const value = expect[key] ?? kind.default;
    return value === undefined || value === "" ? [] : [`${key}: ${kind.serialise(value)}`];
  });
  return `{ ${parts.join(", ")} }`;
}
