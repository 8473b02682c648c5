// The text of a Markdown syntax tree node without its marks, e.g. a heading as a title.
import type { Nodes } from "mdast";

/** Text and code values of `node` and its descendants, concatenated. */
export function nodeText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(nodeText).join("");
  return "";
}
