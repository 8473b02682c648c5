// Raw HTML in guides is mostly presentation: `<p align="center">` around a logo, `<img>` badges,
// `<br>`, comments, `<details><summary>` around the part a reader should see. Those tags go; what
// they wrapped is parsed as Markdown again (a `<details>` block without blank lines holds its code
// inside the HTML), so that the code in it is reachable. Anything else (tables, forms, `<pod-name>`
// placeholders, which parse as HTML too) stays, for the MDX defusing to show as text.
import type { Code, Html, Nodes, PhrasingContent, RootContent } from "mdast";
import { parseMarkdown } from "../markdown-to-mdx";
import type { NoteLog } from "./note-log";

const WRAPPERS = new Set(
  (
    "details summary div p span center a b strong i em u s small big font sup sub kbd mark abbr cite q tt " +
    "section article aside header footer main nav figure figcaption picture source img br wbr hr " +
    "h1 h2 h3 h4 h5 h6 code ins"
  ).split(" "),
);
const VOID = new Set(["img", "br", "wbr", "hr", "source"]);
// Wrappers READMEs write bare, with their closing tag in another block after a blank line; the
// rest must have attributes or a closing tag to count as markup: `<code>` or `<a>` may be a
// placeholder in the prose.
const ALWAYS_MARKUP = new Set(
  "details summary div center p picture figure figcaption h1 h2 h3 h4 h5 h6 kbd sup sub br wbr".split(" "),
);
const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/g;

interface Tag {
  text: string;
  /** As written: JSX components are capitalised. */
  rawName: string;
  index: number;
  closing: boolean;
  name: string;
  attributes: string;
  comment: boolean;
}

function tagsIn(html: string): Tag[] {
  return [...html.matchAll(TAG)].map((m) => ({
    text: m[0],
    index: m.index ?? 0,
    closing: m[1] === "/",
    rawName: m[2] ?? "",
    name: (m[2] ?? "").toLowerCase(),
    attributes: (m[3] ?? "").trim(),
    comment: m[0].startsWith("<!--"),
  }));
}

/** JSX components from MDX sites (`<Tabs>`, `<TabItem label="Linux">`): PascalCase, unlike `<IMAGE>`. */
function isComponent(tag: Tag): boolean {
  return /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(tag.rawName);
}

function isWrapper(tag: Tag): boolean {
  return tag.comment || WRAPPERS.has(tag.name) || isComponent(tag);
}

/** Tag is markup, not a `<placeholder>`: it has attributes, closes, is a `<br>`, or is closed later. */
function isMarkup(tag: Tag, all: readonly Tag[]): boolean {
  if (tag.comment || tag.closing || tag.attributes || ALWAYS_MARKUP.has(tag.name) || isComponent(tag)) return true;
  if (VOID.has(tag.name)) return false;
  return all.some((t) => t.closing && t.name === tag.name && t.index > tag.index);
}

function decode(text: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e.startsWith("#")
      ? String.fromCodePoint(parseInt(e.slice(e[1] === "x" ? 2 : 1), e[1] === "x" ? 16 : 10))
      : (named[e] ?? m),
  );
}

/** `<pre><code class="language-bash">…</code></pre>` → a code node. */
function preBlock(node: Html): Code | null {
  const m = /^\s*<pre[^>]*>\s*(?:<code([^>]*)>)?([\s\S]*?)(?:<\/code>)?\s*<\/pre>\s*$/i.exec(node.value);
  if (!m) return null;
  const lang = /(?:language|lang)-([\w+-]+)/.exec(m[1] ?? "")?.[1] ?? null;
  const code: Code = {
    type: "code",
    lang,
    meta: null,
    value: decode((m[2] ?? "").replace(/<[^>]+>/g, "").replace(/^\n/, "")),
  };
  if (node.position) code.position = node.position;
  return code;
}

/** Markdown for the HTML with its wrapper tags taken out, on the same lines. */
function unwrapped(html: string, tags: readonly Tag[]): string {
  let text = "";
  let at = 0;
  let inSummary = false; // a summary is bold already: `<summary><b>X</b></summary>` is **X**, not ****X****
  for (const tag of tags) {
    text += html.slice(at, tag.index);
    at = tag.index + tag.text.length;
    const label = /\blabel=["']([^"']*)["']/.exec(tag.attributes)?.[1];
    if (tag.comment) text += tag.text.replace(/[^\n]/g, "");
    else if (/^h[1-6]$/.test(tag.name) && !tag.closing) text += `${"#".repeat(Number(tag.name[1]))} `;
    else if (tag.name === "summary") {
      text += "**";
      inSummary = !tag.closing;
    } else if (label && !tag.closing) text += `**${label}**`;
    else if (tag.name === "code") text += "`";
    else if ((tag.name === "b" || tag.name === "strong") && !inSummary) text += "**";
  }
  text += html.slice(at);
  const lines = text.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
}

/** What a flow-level HTML node becomes: nothing, Markdown nodes, a code node, or itself. */
export function flowHtml(node: Html, log: NoteLog): RootContent[] {
  const line = node.position?.start.line ?? 1;
  const pre = preBlock(node);
  if (pre) {
    log.add(line, "HTML <pre> block became a code block");
    return [pre];
  }
  const tags = tagsIn(node.value);
  const markup = tags.filter((t) => isMarkup(t, tags));
  if (markup.length === 0) return [node];
  if (!markup.every(isWrapper)) {
    // A table or a form: it stays, but without its comments.
    const value = node.value.replace(/<!--[\s\S]*?-->/g, "");
    return value.trim() === "" ? [] : [{ ...node, value }];
  }
  const markdown = unwrapped(node.value, markup);
  if (markup.some((t) => t.name === "details"))
    log.add(line, "HTML <details> block was unwrapped; its content is kept");
  else
    log.count(
      line,
      markup.every((t) => t.comment)
        ? "HTML comments were dropped"
        : "HTML wrappers, images and line breaks were dropped",
    );
  if (markdown.trim() === "") return [];
  const parsed = parseMarkdown(markdown).children;
  // The parsed nodes count lines from the HTML's first line; give them the source file's lines.
  const shift = line - 1;
  parsed.forEach((child) => shiftLines(child, shift));
  return parsed;
}

/** Columns stay as parsed and offsets are dropped: the HTML's own indentation was taken out. */
function shiftLines(node: Nodes, shift: number): void {
  if (node.position) {
    const { start, end } = node.position;
    node.position = {
      start: { line: start.line + shift, column: start.column },
      end: { line: end.line + shift, column: end.column },
    };
  }
  if ("children" in node && Array.isArray(node.children))
    for (const c of node.children as Nodes[]) shiftLines(c, shift);
}

/** Inline HTML in a paragraph: comments, `<img>` and wrapper tags go, `<br>` breaks the line,
 *  `<code>x</code>` becomes inline code. */
export function phrasingHtml(children: PhrasingContent[], log: NoteLog): PhrasingContent[] {
  const tags = children.flatMap((c, i) => (c.type === "html" ? tagsIn(c.value).map((t) => ({ ...t, index: i })) : []));
  const out: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as PhrasingContent;
    const tag = child.type === "html" ? tagsIn(child.value) : [];
    const only = tag.length === 1 && tag[0]?.text === (child as Html).value.trim() ? tag[0] : undefined;
    if (child.type !== "html" || !only || !isMarkup({ ...only, index: i }, tags)) {
      out.push(child);
      continue;
    }
    const line = child.position?.start.line ?? 1;
    if (!only.comment && !WRAPPERS.has(only.name)) {
      out.push(child);
      continue;
    }
    log.count(line, only.comment ? "HTML comments were dropped" : "HTML wrappers, images and line breaks were dropped");
    if (only.name === "br") out.push({ type: "break" });
    const close = children.findIndex((c, j) => j > i && c.type === "html" && /^<\/code\s*>$/i.test(c.value.trim()));
    if (
      only.name === "code" &&
      !only.closing &&
      close > i &&
      children.slice(i + 1, close).every((c) => c.type === "text")
    ) {
      out.push({
        type: "inlineCode",
        value: children
          .slice(i + 1, close)
          .map((c) => (c as { value: string }).value)
          .join(""),
      });
      i = close;
    }
  }
  return out;
}
