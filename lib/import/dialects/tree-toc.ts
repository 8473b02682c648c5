// Tables of contents: a "Contents" heading (or bold line) and the list of links under it, or any
// list of only in-page `#anchor` links. In a playbook they point nowhere, and before this their
// heading became the guide's title.
import type { List, Nodes, PhrasingContent, RootContent } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";
import type { NoteLog } from "./note-log";

const TOC_TITLE = /^(table of contents|contents|toc|on this page|in this (article|page|guide|document)|topics|index)$/i;

/** Only links (and images), separated by spaces, bars, bullets or commas: navigation, not prose. */
export function onlyLinks(children: readonly PhrasingContent[], inPage = false): boolean {
  let links = 0;
  for (const c of children) {
    if (c.type === "link" || c.type === "linkReference") {
      if (inPage && (c.type !== "link" || !c.url.startsWith("#"))) return false;
      links++;
    } else if (c.type === "image" || c.type === "imageReference" || c.type === "break") continue;
    else if (c.type !== "text" || !/^[\s|·•,;:/()[\]–—-]*$/.test(c.value)) return false;
  }
  return links > 0;
}

function linkList(list: List, inPage: boolean): boolean {
  return list.children.every(
    (item) =>
      item.children.length > 0 &&
      item.children.every(
        (c) => (c.type === "paragraph" && onlyLinks(c.children, inPage)) || (c.type === "list" && linkList(c, inPage)),
      ),
  );
}

function isTocTitle(node: RootContent): boolean {
  if (node.type !== "heading" && node.type !== "paragraph") return false;
  if (node.type === "paragraph" && !node.children.every((c) => c.type === "strong" || c.type === "emphasis"))
    return false;
  return TOC_TITLE.test(
    nodeText(node as Nodes)
      .replace(/[:*\s]+$/, "")
      .trim(),
  );
}

export function dropTablesOfContents(nodes: RootContent[], log: NoteLog): RootContent[] {
  const kept: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    const next = nodes[i + 1];
    const line = node.position?.start.line ?? 1;
    if (isTocTitle(node) && next?.type === "list" && linkList(next, false)) {
      log.add(line, "table of contents (its heading and list of links) left out");
      i++;
    } else if (node.type === "list" && linkList(node, true)) {
      log.add(line, "table of contents (a list of in-page links) left out");
    } else kept.push(node);
  }
  return kept;
}
