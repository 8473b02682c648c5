// Turns MDX source into an mdast syntax tree with the same syntax the renderer's MDX compiler accepts.
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Problem } from "./content-error";

export type MdxNode = Root | RootContent;
export type JsxElement = Extract<RootContent, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;
export type JsxAttribute = JsxElement["attributes"][number];


// One frozen processor: building it per file would cost more than parsing a small playbook.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkMdx).freeze();

export function parseMdx(source: string): { tree: Root } | { problem: Problem } {
  try {
    return { tree: processor.parse(source) };
  } catch (error) {
    return { problem: toProblem(error) };
  }
}

function toProblem(error: unknown): Problem {
  if (!(error instanceof Error)) return { line: 1, column: 1, message: `MDX syntax error: ${String(error)}` };
  const fields = error as Error & { line?: number; column?: number; reason?: string };
  // Some MDX errors carry their place only in the message name, as "line:column".
  const named = /^(\d+):(\d+)/.exec(error.name);
  const line = fields.line ?? (named ? Number(named[1]) : 1);
  const column = fields.column ?? (named ? Number(named[2]) : 1);
  return { line, column, message: `MDX syntax error: ${fields.reason ?? error.message}` };
}

export function hasChildren(node: MdxNode): node is Extract<MdxNode, { children: unknown }> {
  return "children" in node && Array.isArray(node.children);
}

export function isJsxElement(node: MdxNode): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

export function startOf(node: { position?: { start: { line: number; column: number } } }): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
