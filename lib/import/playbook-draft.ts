// A playbook draft and its MDX: frontmatter, prose and <Step> blocks, serialised through the MDX
// syntax tree so that text is escaped for MDX and the result parses as the playbook format.
import type { Code, Paragraph, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { stringify as stringifyYaml } from "yaml";
import { expectationSource, type Expectation } from "@/lib/playbooks/expectations";
import type { Risk } from "@/lib/playbooks/types";
import { markdownToPhrasing } from "./markdown-to-mdx";

export interface DraftStep {
  id: string;
  title: string;
  risk: Risk;
  code: string;
  /** One sentence of Markdown shown inside the step card. */
  note?: string;
  expect?: Partial<Expectation>;
  onPass?: string;
  onFail?: string;
  timeout?: number;
}

export interface DraftInput {
  name: string; // UPPER_SNAKE; reaches commands as an environment variable
  label: string;
  description?: string;
  default?: string;
  required?: boolean;
  /** What a value must look like: a typed placeholder (an image, a path, user@host). */
  pattern?: string;
  /** A token or password: masked in stored output. */
  secret?: boolean;
}

/** Error text, or error text tied to the step that diagnoses it. */
export type DraftSymptom = string | { text: string; step: string };

export function symptomText(symptom: DraftSymptom): string {
  return typeof symptom === "string" ? symptom : symptom.text;
}

export type DraftBlock = { kind: "nodes"; nodes: RootContent[] } | { kind: "step"; step: DraftStep };

export interface PlaybookDraft {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  symptoms: DraftSymptom[];
  inputs?: DraftInput[];
  blocks: DraftBlock[];
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: "mdxJsxAttribute", name, value };
}

function expression(name: string, source: string): MdxJsxAttribute {
  return { type: "mdxJsxAttribute", name, value: { type: "mdxJsxAttributeValueExpression", value: source } };
}

function stepNode(step: DraftStep): MdxJsxFlowElement {
  // Titles sit in a quoted attribute: keep them on one line and without double quotes.
  const attributes = [attribute("id", step.id), attribute("title", oneLine(step.title, 120).replace(/"/g, "'"))];
  if (step.risk !== "read") attributes.push(attribute("risk", step.risk));
  if (step.expect) attributes.push(expression("expect", expectationSource(step.expect)));
  if (step.onPass) attributes.push(attribute("onPass", step.onPass));
  if (step.onFail) attributes.push(attribute("onFail", step.onFail));
  if (step.timeout) attributes.push(expression("timeout", String(step.timeout)));
  const children: Array<Paragraph | Code> = [];
  if (step.note) children.push({ type: "paragraph", children: markdownToPhrasing(step.note) });
  children.push({ type: "code", lang: "bash", value: step.code });
  return { type: "mdxJsxFlowElement", name: "Step", attributes, children };
}

// In MDX a line that starts with `import` or `export` is JavaScript; in a guide it is a sentence
// ("export the variable first") or a leftover Docusaurus import. Escaping the first letter keeps it text.
const ESM_AT_LINE_START = [
  { character: "i", atBreak: true, after: "mport\\b" },
  { character: "e", atBreak: true, after: "xport\\b" },
];

export function renderPlaybookDraft(draft: PlaybookDraft): string {
  const frontmatter: Record<string, unknown> = {
    title: oneLine(draft.title, 200),
    summary: oneLine(draft.summary, 300),
  };
  if (draft.tags.length) frontmatter.tags = draft.tags;
  if (draft.symptoms.length) frontmatter.symptoms = draft.symptoms;
  if (draft.inputs?.length) frontmatter.inputs = draft.inputs;
  const children: RootContent[] = draft.blocks.flatMap((b) => (b.kind === "nodes" ? b.nodes : [stepNode(b.step)]));
  const body = unified()
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", fences: true, resourceLink: true, rule: "-", unsafe: ESM_AT_LINE_START })
    .stringify({ type: "root", children });
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\n${String(body).trimEnd()}\n`;
}

/** Lowercase slug from any text: letters, digits and single dashes. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug || "untitled";
}

/** Hands out step ids that are unique within one playbook. */
export function idAllocator(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    const root = slugify(base, 48);
    let id = root;
    for (let n = 2; used.has(id); n++) id = `${root}-${n}`;
    used.add(id);
    return id;
  };
}
