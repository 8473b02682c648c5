// A step's captures (its `capture` attributes) applied to its output when it ends: the values the
// later steps of the run get as environment variables, the secrets the run masks from then on, and
// what is stored and shown (secret values masked). Also a run's captured values as the UI shows
// them. Client-safe: the browser reads runCaptures.
import type { StepCapture } from "@/lib/playbooks/types";
import { MAX_INPUT_LENGTH } from "./input-rules";
import type { CapturedValue, RunView } from "./protocol";
import { SECRET_MASK } from "./secret-masker";

export interface Captured {
  /** For the environment of the steps after this one. */
  values: Record<string, string>;
  /** Secret values, for the run's SecretMasker. */
  secrets: string[];
  /** For the StepRun row and the views: secret values masked. */
  stored: CapturedValue[];
}

/**
 * `text` is the output as an expectation reads it: ANSI stripped, secrets already masked. Each
 * regex's first match gives its groups that took part; a value longer than an input may be is
 * not taken, so a capture cannot pass more to a step than its run form could.
 */
export function applyCaptures(capture: StepCapture | undefined, text: string): Captured {
  const found = new Map<string, string>();
  for (const pattern of capture?.patterns ?? []) {
    const groups = new RegExp(pattern, "m").exec(text)?.groups ?? {};
    for (const [name, value] of Object.entries(groups)) if (value !== undefined) found.set(name, value);
  }
  if (capture?.lastLine !== undefined) {
    const last = lastLine(text);
    if (last !== undefined) found.set(capture.lastLine, last);
  }
  const secret = new Set(capture?.secret ?? []);
  const captured: Captured = { values: {}, secrets: [], stored: [] };
  for (const [name, value] of found) {
    if (value.length > MAX_INPUT_LENGTH) continue;
    captured.values[name] = value;
    if (secret.has(name)) captured.secrets.push(value);
    captured.stored.push({ name, value: secret.has(name) ? SECRET_MASK : value, secret: secret.has(name) });
  }
  return captured;
}

/** The output's last line with text on it, trimmed. */
function lastLine(text: string): string | undefined {
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line !== "") return line;
  }
  return undefined;
}

/** What a run has captured so far: each name's latest value, as the next step gets it. */
export function runCaptures(run: Pick<RunView, "steps">): CapturedValue[] {
  const latest = new Map<string, CapturedValue>();
  for (const step of run.steps) for (const value of step.captures) latest.set(value.name, value);
  return [...latest.values()];
}
