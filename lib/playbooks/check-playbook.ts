// One playbook file through every content check: the format (parsePlaybook, synchronous) and then
// each step's declared risk against the shell classifier (asynchronous, it loads a WebAssembly
// parser). The content index, `npm run check:content` and the draft check all come through here.
// The same parser notes where each command expands a variable, for Copy with a run's values.
import { sortContentErrors } from "./content-error";
import { RISK_EFFECT, RISKS, type Risk } from "./format";
import { parsePlaybook, type ParseResult } from "./parse-playbook";
import { classifyWith } from "./risk-classifier";
import { shellParser } from "./shell-parser";
import type { ContentError, Step, VariableUse } from "./types";
import { variableUses, variableUsesIn } from "./variable-uses";

const rank = (risk: Risk) => RISKS.indexOf(risk);

export async function checkPlaybook(
  file: string,
  source: string | Uint8Array,
  opts: { mtime?: Date } = {},
): Promise<Omit<ParseResult, "steps">> {
  const parsed = parsePlaybook(file, source, opts);
  const steps = parsed.playbook?.steps ?? parsed.steps ?? [];
  const parse = await shellParser();
  const errors: ContentError[] = [...parsed.errors];
  const checked = steps.map((step): Step => {
    // One parse of the command serves both readers; a command too long to parse gets its own.
    let variables: VariableUse[] | undefined;
    const { risk, summary, findings } = classifyWith(parse, step.code, (root) => (variables = variableUsesIn(root)));
    if (risk !== "read" && underDeclares(step, risk)) {
      errors.push({ file, line: step.line, message: underDeclared(step, risk, findings[0]?.reason ?? summary) });
    }
    return { ...step, classified: { risk, summary }, variables: variables ?? variableUses(parse, step.code) };
  });
  if (errors.length > 0 || !parsed.playbook) return { errors: sortContentErrors(errors) };
  return { playbook: { ...parsed.playbook, steps: checked }, errors };
}

/** The rule the content check enforces: below the classifier's risk, with no riskReason saying why. */
export function underDeclares(step: Pick<Step, "risk" | "riskReason">, classified: Risk): boolean {
  return rank(step.risk) < rank(classified) && step.riskReason === undefined;
}

function underDeclared(step: Step, risk: Exclude<Risk, "read">, reason: string): string {
  return (
    `Step "${step.id}" declares risk ${step.risk}, but the command ${RISK_EFFECT[risk]}: ${reason} ` +
    `(declare risk="${risk}", or keep it and say why with riskReason="…")`
  );
}
