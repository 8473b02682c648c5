// The tree-level half of dialect normalisation, after parsing: alerts become <Callout> nodes,
// HTML wrappers and `<details>` are unwrapped, images, badges and comments leave the prose, and
// tables of contents go. Runs through every container, so a callout inside a list item or a
// `<details>` inside a callout is handled too.
import type { Parent, PhrasingContent, RootContent } from "mdast";
import type { NoteLog } from "./note-log";
import { calloutFromBlockquote } from "./tree-callouts";
import { flowHtml, phrasingHtml } from "./tree-html";
import { dropTablesOfContents } from "./tree-toc";

const FLOW = new Set(["root", "blockquote", "listItem", "footnoteDefinition", "mdxJsxFlowElement"]);

function blank(children: readonly PhrasingContent[]): boolean {
  return children.every((c) => c.type === "break" || (c.type === "text" && c.value.trim() === ""));
}

/** Images and links that held only images (badges) leave; inline HTML is cleaned. */
function phrasing(children: PhrasingContent[], log: NoteLog): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of phrasingHtml(children, log)) {
    if (child.type === "image" || child.type === "imageReference") {
      log.count(child.position?.start.line ?? 1, "images and badges were dropped from the prose");
      continue;
    }
    if ("children" in child) {
      const inner = phrasing(child.children as PhrasingContent[], log);
      if ((child.type === "link" || child.type === "linkReference") && blank(inner)) continue;
      (child as Parent).children = inner;
    }
    out.push(child);
  }
  // What is left beside a dropped logo starts with its space.
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.replace(/^[ \t]+/, "") };
  return out;
}

function node(child: RootContent, log: NoteLog, notedLines: ReadonlySet<number>): RootContent | null {
  if (child.type === "paragraph" || child.type === "heading") {
    child.children = phrasing(child.children, log);
    return blank(child.children) ? null : child;
  }
  if (child.type === "tableCell") {
    child.children = phrasing(child.children, log);
    return child;
  }
  if (!("children" in child)) return child;
  walk(child as Parent, log, notedLines);
  if (child.type === "blockquote") {
    const found = calloutFromBlockquote(child);
    if (!found) return child;
    if (found.callout.children.length === 0) return null; // an admonition whose content was left out
    const line = child.position?.start.line ?? 1;
    // A callout the line rewrites made already has its note ("MyST directive {note} became …").
    if (!notedLines.has(line)) log.add(line, `alert [!${found.word.toUpperCase()}] became a callout`);
    // HTML that stays (a table) goes into a paragraph: MDX defusing turns HTML into text, and
    // escapes it fully only in a paragraph, which a blockquote gave it and a <Callout> does not.
    found.callout.children = found.callout.children.map((c) =>
      c.type === "html" ? { type: "paragraph", children: [c], ...(c.position ? { position: c.position } : {}) } : c,
    );
    return found.callout;
  }
  if (child.type === "list" || child.type === "listItem") return child.children.length ? child : null;
  return child;
}

export function walk(parent: Parent, log: NoteLog, notedLines: ReadonlySet<number>): void {
  const flow = FLOW.has(parent.type);
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const replaced = flow && child.type === "html" ? flowHtml(child, log) : [child];
    for (const r of replaced) {
      const kept = node(r, log, notedLines);
      if (kept) out.push(kept);
    }
  }
  // Tables of contents sit at the top level; a nested list of anchors is part of one.
  parent.children = (parent.type === "root" ? dropTablesOfContents(out, log) : out) as Parent["children"];
}
