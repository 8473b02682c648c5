// One <Step> element of the syntax tree read into a Step, statically: attribute values come from the
// estree of their expressions and are never evaluated.
import type { Code } from "mdast";
import type { Problem } from "./content-error";
import { parseTimeout } from "./duration";
import { defaultExpectation, parseExpectation, type Expectation } from "./expectations";
import {
  DEFAULT_TIMEOUT_SECONDS,
  isRisk,
  isShellLang,
  RISKS,
  SHELL_LANGS,
  SLUG_PATTERN,
  STEP_ATTRIBUTES,
  type StepAttribute,
} from "./format";
import { hasChildren, startOf, type JsxElement, type MdxNode } from "./mdx-tree";
import { plainText, SKIP_CODE } from "./plain-text";
import { readStaticProgram, type StaticValue } from "./static-value";
import { readCapture } from "./step-captures";
import type { Risk, Step } from "./types";

type Position = { line: number; column: number };

/** A step as read, before the playbook-wide checks (unique ids, onPass/onFail targets). */
export interface StepDraft {
  step: Omit<Step, "section">;
  /** Where each attribute was written, so later checks can point at it. */
  at: Partial<Record<StepAttribute, Position>>;
}

export function readStep(element: JsxElement, problems: Problem[]): StepDraft | undefined {
  const start = startOf(element);
  const values = new Map<StepAttribute, { value: StaticValue; at: Position }>();
  const written = new Set<StepAttribute>();
  const errorsBefore = problems.length;
  const label = stepLabel(element);
  const report = (at: Position, message: string) => problems.push({ ...at, message: `${label}: ${message}` });

  for (const attribute of element.attributes) {
    const at = startOf(attribute);
    if (attribute.type === "mdxJsxExpressionAttribute") {
      report(at, `{${attribute.value}} is not allowed; write each attribute as name="value"`);
      continue;
    }
    const name = attribute.name;
    if (!isStepAttribute(name)) {
      report(at, `unknown attribute "${name}"${suggestion(name)} (allowed: ${STEP_ATTRIBUTES.join(", ")})`);
      continue;
    }
    if (written.has(name)) {
      report(at, `attribute "${name}" is given twice`);
      continue;
    }
    written.add(name);
    const value = attributeValue(attribute, at);
    if ("message" in value) report(value.at, `${name} ${value.message}`);
    else values.set(name, { value: value.value, at });
  }

  const text = (name: StepAttribute, rule?: { pattern: RegExp; hint: string }): string | undefined => {
    const entry = values.get(name);
    if (!entry) return undefined;
    if (typeof entry.value !== "string" || entry.value.trim() === "") {
      report(entry.at, `${name} must be non-empty text, e.g. ${name}="..."`);
      return undefined;
    }
    if (rule && !rule.pattern.test(entry.value)) {
      report(entry.at, `${name} ${JSON.stringify(entry.value)} ${rule.hint}`);
      return undefined;
    }
    return entry.value;
  };
  const slug = {
    pattern: SLUG_PATTERN,
    hint: 'must be a lowercase slug like "check-podman" (letters, digits, single dashes)',
  };

  const id = text("id", slug);
  if (!written.has("id")) report(start, 'missing id="..." (every step needs an id that is unique in the playbook)');
  const title = text("title");
  if (!written.has("title")) report(start, 'missing title="..."');
  const risk = readRisk(values.get("risk"), report);
  const riskReason = text("riskReason");
  const expect = readExpect(values.get("expect"), report);
  const onPass = text("onPass", slug);
  const onFail = text("onFail", slug);
  const timeout = readTimeout(values.get("timeout"), report);
  const capture = readCapture(
    {
      capture: values.get("capture"),
      captureLastLine: values.get("captureLastLine"),
      captureSecret: values.get("captureSecret"),
    },
    report,
  );
  const code = readCode(element, start, report);

  if (problems.length > errorsBefore || id === undefined || title === undefined || !code) return undefined;
  const at: StepDraft["at"] = {};
  for (const [name, entry] of values) at[name] = entry.at;
  return {
    step: {
      id,
      title,
      lang: code.lang ?? "bash",
      code: code.value,
      risk,
      ...(riskReason !== undefined && { riskReason }),
      expect,
      ...(onPass !== undefined && { onPass }),
      ...(onFail !== undefined && { onFail }),
      timeout,
      ...(capture && { capture }),
      text: plainText(element.children as MdxNode[], SKIP_CODE),
      line: start.line,
    },
    at,
  };
}

type Report = (at: Position, message: string) => void;
type Entry = { value: StaticValue; at: Position } | undefined;

/** `Step "id"` when the id is usable, so every message names the step it is about. */
function stepLabel(element: JsxElement): string {
  const id = element.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
  return typeof id === "string" && SLUG_PATTERN.test(id) ? `Step "${id}"` : "Step";
}

function isStepAttribute(name: string): name is StepAttribute {
  return (STEP_ATTRIBUTES as readonly string[]).includes(name);
}

/** Catches the usual typo, a wrong capital (`onfail`, `Title`). */
function suggestion(name: string): string {
  const match = STEP_ATTRIBUTES.find((known) => known.toLowerCase() === name.toLowerCase());
  return match ? ` (did you mean "${match}"?)` : "";
}

function attributeValue(
  attribute: Extract<JsxElement["attributes"][number], { type: "mdxJsxAttribute" }>,
  at: Position,
): { value: StaticValue } | { message: string; at: Position } {
  if (attribute.value === null || attribute.value === undefined) return { value: true };
  if (typeof attribute.value === "string") return { value: attribute.value };
  const result = readStaticProgram(attribute.value.data?.estree);
  if (result.ok) return { value: result.value };
  return { message: result.message, at: result.line ? { line: result.line, column: result.column ?? 1 } : at };
}

function readRisk(entry: Entry, report: Report): Risk {
  if (!entry) return "read";
  if (isRisk(entry.value)) return entry.value;
  report(entry.at, `unknown risk ${JSON.stringify(entry.value)} (allowed: ${RISKS.join(", ")})`);
  return "read";
}

function readTimeout(entry: Entry, report: Report): number {
  if (!entry) return DEFAULT_TIMEOUT_SECONDS;
  const result = parseTimeout(entry.value);
  if ("error" in result) {
    report(entry.at, result.error);
    return DEFAULT_TIMEOUT_SECONDS;
  }
  return result.seconds;
}

function readExpect(entry: Entry, report: Report): Expectation {
  if (!entry) return defaultExpectation();
  const { expectation, errors } = parseExpectation(entry.value);
  for (const error of errors) report(entry.at, error);
  return expectation;
}

function readCode(element: JsxElement, start: Position, report: Report): Code | undefined {
  const blocks = codeBlocks(element);
  const [code, second] = blocks;
  if (!code) {
    report(start, "has no code block; add exactly one fenced ```bash block inside the step");
    return undefined;
  }
  if (second) {
    report(startOf(second), `has ${blocks.length} code blocks; a step runs exactly one (split it into several steps)`);
    return undefined;
  }
  if (!code.lang) {
    report(startOf(code), `the code block needs a language: write \`\`\`${SHELL_LANGS.join(", ```")}`);
    return undefined;
  }
  if (!isShellLang(code.lang)) {
    report(startOf(code), `code block language "${code.lang}" cannot run (allowed: ${SHELL_LANGS.join(", ")})`);
    return undefined;
  }
  if (code.value.trim() === "") {
    report(startOf(code), "the code block is empty");
    return undefined;
  }
  return code;
}

function codeBlocks(node: MdxNode): Code[] {
  if (node.type === "code") return [node];
  return hasChildren(node) ? (node.children as MdxNode[]).flatMap(codeBlocks) : [];
}
