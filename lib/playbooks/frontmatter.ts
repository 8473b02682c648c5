// Frontmatter: YAML validated by one zod schema. Every problem names the file line of the YAML node
// it is about, so an author can jump straight to it.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { INPUT_NAME_PATTERN, TAG_PATTERN } from "./format";
import { regexError, type Problem } from "./content-error";
import type { PlaybookInput } from "./types";

export interface Frontmatter {
  title: string;
  summary: string;
  tags: string[];
  symptoms: string[];
  /** Symptom text → the id of the step that diagnoses it, for symptoms written as { text, step }. */
  symptomSteps: Record<string, string>;
  inputs: PlaybookInput[];
}

/** A symptom's `step`, with where it is written, so the playbook check can name the line of a
 *  reference to a step that does not exist. */
export interface SymptomLink {
  text: string;
  step: string;
  line: number;
  column: number;
}

const requiredText = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) });

// A symptom is its error text, or { text, step } naming the step that diagnoses it, so search can
// send someone who pastes that error straight to the step.
const symptomSchema = z.union(
  [requiredText("error text"), z.strictObject({ text: requiredText("error text"), step: requiredText("a step id") })],
  { error: 'must be error text, or { text: "…", step: step-id }' },
);

const inputSchema = z.strictObject(
  {
    name: requiredText("text").regex(
      INPUT_NAME_PATTERN,
      "must be UPPER_SNAKE_CASE like IMAGE_NAME (it becomes an environment variable)",
    ),
    label: requiredText("text").trim().min(1, "must not be empty"),
    description: requiredText("text").optional(),
    // A YAML author writes `default: 8080` as readily as `default: "8080"`; environment values are text.
    default: z
      .union([z.string(), z.number(), z.boolean()], { error: "must be text, a number or true/false" })
      .transform(String)
      .optional(),
    required: z.boolean({ error: "must be true or false" }).optional(),
    secret: z.boolean({ error: "must be true or false" }).optional(),
    pattern: requiredText("a regular expression as text")
      .superRefine((source, ctx) => {
        const problem = regexError(source);
        if (problem) ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${problem}` });
      })
      .optional(),
  },
  { error: 'must be a mapping like { name: IMAGE, label: "Container image" }' },
);

const frontmatterSchema = z
  .strictObject(
    {
      title: requiredText("text").trim().min(1, "must not be empty"),
      summary: requiredText("text").trim().min(1, "must not be empty"),
      tags: z
        .array(
          requiredText("text").regex(
            TAG_PATTERN,
            "must be lowercase letters, digits, dots, pluses and dashes (tags are URLs)",
          ),
          { error: "must be a list like [podman, ray]" },
        )
        .default([]),
      symptoms: z.array(symptomSchema, { error: "must be a list of error texts" }).default([]),
      inputs: z.array(inputSchema, { error: "must be a list of inputs" }).default([]),
    },
    { error: "must be key: value fields (title, summary, ...)" },
  )
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.inputs.forEach((input, index) => {
      if (seen.has(input.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["inputs", index, "name"],
          message: `is "${input.name}", which an earlier input already uses`,
        });
      }
      seen.add(input.name);
      if (
        input.default !== undefined &&
        input.pattern !== undefined &&
        !new RegExp(input.pattern).test(input.default)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["inputs", index, "default"],
          message: `is ${JSON.stringify(input.default)}, which does not match its pattern /${input.pattern}/`,
        });
      }
    });
  });

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  "": Object.keys(frontmatterSchema.shape),
  inputs: Object.keys(inputSchema.shape),
};

/**
 * Parses and validates the YAML between the `---` fences. `firstLine` is the file line of the first
 * YAML line (the line after the opening fence).
 */
export function parseFrontmatter(
  yamlText: string,
  firstLine: number,
): { data?: Frontmatter; symptomLinks?: SymptomLink[]; errors: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): Problem => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col, message };
  };

  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((error) => at(error.pos[0], `frontmatter: invalid YAML: ${firstSentence(error.message)}`)),
    };
  }

  const result = frontmatterSchema.safeParse(doc.toJS() ?? {});
  if (result.success) {
    const { inputs, symptoms, ...rest } = result.data;
    const symptomLinks = symptoms.flatMap((symptom, index) => {
      if (typeof symptom === "string") return [];
      const { line, column } = at(valueOffset(doc, ["symptoms", index, "step"]), "");
      return [{ text: symptom.text, step: symptom.step, line, column }];
    });
    const data: Frontmatter = {
      ...rest,
      symptoms: symptoms.map((symptom) => (typeof symptom === "string" ? symptom : symptom.text)),
      symptomSteps: Object.fromEntries(symptomLinks.map((link) => [link.text, link.step])),
      inputs: inputs.map(toPlaybookInput),
    };
    return { data, symptomLinks, errors: [] };
  }

  const errors = result.error.issues.flatMap((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const allowed = ALLOWED_KEYS[path.filter((key) => typeof key === "string").join(".")] ?? [];
      return issue.keys.map((key) =>
        at(
          keyOffset(doc, path, key),
          `frontmatter: unknown field ${JSON.stringify(pathLabel([...path, key]))} (allowed: ${allowed.join(", ")})`,
        ),
      );
    }
    const subject = path.length === 0 ? "frontmatter" : `frontmatter: ${JSON.stringify(pathLabel(path))}`;
    return [at(valueOffset(doc, path), `${subject} ${issue.message}`)];
  });
  return { errors };
}

function toPlaybookInput(input: z.output<typeof inputSchema>): PlaybookInput {
  return {
    name: input.name,
    label: input.label,
    ...(input.description !== undefined && { description: input.description }),
    ...(input.default !== undefined && { default: input.default }),
    required: input.required ?? input.default === undefined,
    secret: input.secret ?? false,
    ...(input.pattern !== undefined && { pattern: input.pattern }),
  };
}

/** `inputs[0].name` rather than zod's array form. */
function pathLabel(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

/** Where the value at `path` starts; for a missing value, where its nearest existing parent starts. */
function valueOffset(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      return node.range[0] as number;
    }
    // A missing key inside an existing mapping: point at the mapping's first key, not its parent.
    const parent = doc.getIn(path.slice(0, depth - 1), true);
    if (isMap(parent) && parent.range) return parent.range[0];
  }
  return 0;
}

function keyOffset(doc: Document, path: (string | number)[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return valueOffset(doc, path);
}

function firstSentence(message: string): string {
  return message.split("\n")[0] ?? message;
}
