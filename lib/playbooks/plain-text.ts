// Plain text of prose for search: block boundaries become newlines so that words from two list items
// or paragraphs never run together.
import { hasChildren, isJsxElement, type MdxNode } from "./mdx-tree";

const INVISIBLE = new Set(["yaml", "mdxFlowExpression", "mdxTextExpression", "mdxjsEsm", "html", "definition"]);
const INLINE_PARENTS = new Set([
  "paragraph",
  "heading",
  "emphasis",
  "strong",
  "link",
  "linkReference",
  "mdxJsxTextElement",
]);
// Without remark-gfm a table stays a paragraph of `| a | b |` lines; its `| --- |` row says nothing.
const TABLE_DELIMITER_ROW = /^\|?[\s:|-]*-[\s:|-]*\|?$/;

/** Plain text of `nodes`, leaving out nodes of the `skip` types (a step's code is indexed on its own). */
export function plainText(nodes: MdxNode[], skip: ReadonlySet<string> = INVISIBLE): string {
  return collapse(nodes.map((node) => textOf(node, skip)).join("\n"));
}

export const SKIP_CODE: ReadonlySet<string> = new Set([...INVISIBLE, "code"]);

function textOf(node: MdxNode, skip: ReadonlySet<string>): string {
  if (INVISIBLE.has(node.type) || skip.has(node.type)) return "";
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "break") return "\n";
  if (!hasChildren(node)) return "";
  const children = (node.children as MdxNode[]).map((child) => textOf(child, skip));
  // A Callout's title is prose too.
  const title = isJsxElement(node)
    ? node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "title")
    : undefined;
  const heading = title && typeof title.value === "string" ? [title.value] : [];
  return [...heading, children.join(INLINE_PARENTS.has(node.type) ? "" : "\n")].join("\n");
}

function collapse(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0 && !TABLE_DELIMITER_ROW.test(line))
    .join("\n");
}
