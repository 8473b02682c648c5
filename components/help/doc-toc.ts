// The table of contents of a help page, read from its rendered doc: the MDX function has already
// run (help-article.tsx), so its top-level headings are elements with the ids rehype-slug gave them.
import { isValidElement, type ReactNode } from "react";
import type { TocEntry } from "@/lib/render/toc";
import { proseComponents } from "../mdx-components";

/** `##` and `###` headings, in order; deeper ones would crowd the rail. */
export function docToc(blocks: readonly ReactNode[]): TocEntry[] {
  const { h2, h3 } = proseComponents;
  const entries: TocEntry[] = [];
  for (const block of blocks) {
    if (!isValidElement<{ id?: string; children?: ReactNode }>(block) || !block.props.id) continue;
    const level = block.type === h2 ? 0 : block.type === h3 ? 1 : -1;
    if (level >= 0) entries.push({ kind: "section", id: block.props.id, title: textOf(block.props.children), level });
  }
  return entries;
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}
