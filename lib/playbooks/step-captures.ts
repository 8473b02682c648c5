// A step's capture attributes read into a StepCapture, statically: `capture` holds regexes whose
// named groups become variables, `captureLastLine` names the variable for the output's last line,
// and `captureSecret` lists the captured names to mask. Every name becomes an environment variable
// of the later steps, so it follows the input names' rule.
import { regexError } from "./content-error";
import { INPUT_NAME_PATTERN } from "./format";
import type { StaticValue } from "./static-value";
import type { PlaybookInput, StepCapture } from "./types";

type Position = { line: number; column: number };
type Entry = { value: StaticValue; at: Position } | undefined;
type Report = (at: Position, message: string) => void;

export interface CaptureEntries {
  capture: Entry;
  captureLastLine: Entry;
  captureSecret: Entry;
}

const NAME_HINT = "UPPER_SNAKE_CASE (it becomes an environment variable), e.g. VERSION";

export function readCapture(entries: CaptureEntries, report: Report): StepCapture | undefined {
  const { capture, captureLastLine, captureSecret } = entries;
  if (!capture && !captureLastLine && !captureSecret) return undefined;
  const names = new Set<string>();
  const add = (at: Position, name: string, what: string) => {
    if (!INPUT_NAME_PATTERN.test(name)) report(at, `${what} "${name}" must be ${NAME_HINT}`);
    else if (names.has(name)) report(at, `captures "${name}" twice`);
    else names.add(name);
  };

  const patterns = capture ? readPatterns(capture, report) : [];
  for (const pattern of patterns) {
    const groups = groupNames(pattern);
    if (groups.length === 0) {
      report(capture!.at, `capture /${pattern}/ has no named group; name what it takes, e.g. (?<VERSION>\\S+)`);
    }
    for (const group of groups) add(capture!.at, group, `capture group`);
  }

  let lastLine: string | undefined;
  if (captureLastLine) {
    if (typeof captureLastLine.value !== "string") report(captureLastLine.at, `captureLastLine must be a name`);
    else {
      lastLine = captureLastLine.value.trim();
      add(captureLastLine.at, lastLine, "captureLastLine");
    }
  }

  const secret = captureSecret ? readSecretNames(captureSecret, names, report) : [];
  return { patterns, ...(lastLine !== undefined && { lastLine }), secret };
}

/** Every variable the step captures, in the order written. */
export function captureNames(capture: StepCapture | undefined): string[] {
  if (!capture) return [];
  const names = capture.patterns.flatMap(groupNames);
  return capture.lastLine === undefined ? names : [...names, capture.lastLine];
}

/** A captured name that is also a declared input would shadow it: the check names both. */
export function inputCollisions(capture: StepCapture | undefined, inputs: readonly PlaybookInput[]): string[] {
  const declared = new Set(inputs.map((input) => input.name));
  return captureNames(capture).filter((name) => declared.has(name));
}

/**
 * The named groups of a regex, found by the engine itself rather than by reading the pattern:
 * with an empty alternative added, the pattern matches "" and its result lists every group.
 */
export function groupNames(pattern: string): string[] {
  return Object.keys(new RegExp(`${pattern}|`).exec("")?.groups ?? {});
}

function readPatterns(entry: NonNullable<Entry>, report: Report): string[] {
  const list = Array.isArray(entry.value) ? entry.value : [entry.value];
  const patterns: string[] = [];
  for (const item of list) {
    if (typeof item !== "string" || item === "") {
      report(entry.at, 'capture must be a regex written as text, or a list of them, e.g. capture="v(?<VERSION>\\S+)"');
      continue;
    }
    const problem = regexError(item);
    if (problem) report(entry.at, `capture /${item}/ is not a valid regex: ${problem}`);
    else patterns.push(item);
  }
  return patterns;
}

function readSecretNames(entry: NonNullable<Entry>, captured: ReadonlySet<string>, report: Report): string[] {
  if (typeof entry.value !== "string" || entry.value.trim() === "") {
    report(entry.at, 'captureSecret must list captured names, e.g. captureSecret="TOKEN"');
    return [];
  }
  const names = entry.value.split(/[\s,]+/).filter(Boolean);
  for (const name of names) {
    if (!captured.has(name)) report(entry.at, `captureSecret names "${name}", which this step does not capture`);
  }
  return names;
}
