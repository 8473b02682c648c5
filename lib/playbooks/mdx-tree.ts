// Turns MDX source into an mdast syntax tree with the same syntax the renderer's MDX compiler accepts.
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { quickRejectAcorn } from "./acorn-quick-reject";
import type { Problem } from "./content-error";

export type MdxNode = Root | RootContent;
export type JsxElement = Extract<RootContent, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;
export type JsxAttribute = JsxElement["attributes"][number];

// Frozen processors: building one per file would cost more than parsing a small playbook.
// No remark-gfm: it adds a quarter to the parse time and changes nothing the index needs (a table's
// text stays searchable as its raw lines) and nothing about which files are valid.
const mdxParser = (mdx?: Parameters<typeof remarkMdx>[0]) =>
  unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkMdx, mdx).freeze();
const exact = mdxParser();
// The same parser, refusing expressions that cannot be complete without asking acorn (see
// acorn-quick-reject.ts), which saves about a twentieth of a playbook's parse. A file it cannot parse
// is parsed again by `exact`, so every error is the stock parser's.
const quick = mdxParser({ acorn: quickRejectAcorn });

export function parseMdx(source: string): { tree: Root } | { problem: Problem } {
  // The MDX parser tries acorn at every `}` of an attribute like expect={{ exit: 0 }}, and the first
  // try (at the inner brace) throws and is caught inside micromark. Each such error captured a stack
  // trace nobody reads: a fifth of the parse. The error this function reports needs no stack either.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { tree: quick.parse(source) };
  } catch {
    try {
      return { tree: exact.parse(source) };
    } catch (error) {
      return { problem: toProblem(error) };
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function toProblem(error: unknown): Problem {
  if (!(error instanceof Error)) return { line: 1, column: 1, message: `MDX syntax error: ${String(error)}` };
  const fields = error as Error & { line?: number; column?: number; reason?: string };
  // Some MDX errors (an unclosed tag) carry their place only inside the message, as "(line:column-".
  const named = /\((\d+):(\d+)-/.exec(fields.reason ?? error.message) ?? /^(\d+):(\d+)/.exec(error.name);
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

export function startOf(node: { position?: { start: { line: number; column: number } } }): {
  line: number;
  column: number;
} {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
