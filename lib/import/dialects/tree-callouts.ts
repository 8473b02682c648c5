// Alert blockquotes → <Callout> nodes. Every dialect's admonitions arrive here as one of two
// forms: GitHub/GitLab/Obsidian alerts (`> [!WARNING]`, optionally `> [!WARNING] Title`), which
// the line rewrites also produce, and the older `> **Note**` / `> **Warning:** text` / `> Note: text`
// forms.
import type { Blockquote, Paragraph, PhrasingContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { nodeText } from "@/lib/markdown/node-text";
import { calloutType } from "./directives";

const MARKER = /^\s*\[!([A-Za-z-]+)\][+-]?[ \t]*/;
// In the bold form only the common label words count: "> **Error:** …" is often a quoted error.
const LABEL_WORDS = new Set(["note", "tip", "hint", "info", "important", "warning", "caution", "danger", "attention"]);
const LABEL = /^\s*([A-Za-z]+)\s*(?:[—–:-]\s*(.*?))?\s*:?\s*$/;
// ":warning: **Warning**" and "⚠️ **Warning**": an emoji before the label.
const EMOJI_ONLY = /^\s*(?::[a-z_]+:|\p{Extended_Pictographic}\uFE0F?)?\s*$/u;

interface Found {
  word: string;
  title: string;
  rest: PhrasingContent[];
}

/** `children` split at the end of their first line: the line's nodes and the nodes after it. */
function splitFirstLine(children: PhrasingContent[]): { line: PhrasingContent[]; rest: PhrasingContent[] } {
  for (const [i, child] of children.entries()) {
    if (child.type === "break") return { line: children.slice(0, i), rest: children.slice(i + 1) };
    if (child.type !== "text" || !child.value.includes("\n")) continue;
    const at = child.value.indexOf("\n");
    const after: PhrasingContent = { type: "text", value: child.value.slice(at + 1) };
    const start = child.position?.start;
    if (start) after.position = { start: { line: start.line + 1, column: 1 }, end: child.position!.end };
    return {
      line: [...children.slice(0, i), { type: "text", value: child.value.slice(0, at) }],
      rest: [after, ...children.slice(i + 1)],
    };
  }
  return { line: children, rest: [] };
}

function alertMarker(p: Paragraph): Found | null {
  const head = p.children[0];
  const m = head?.type === "text" ? MARKER.exec(head.value) : null;
  if (!head || head.type !== "text" || !m?.[1] || !calloutType(m[1])) return null;
  const { line, rest } = splitFirstLine([{ ...head, value: head.value.slice(m[0].length) }, ...p.children.slice(1)]);
  const title = nodeText({ type: "paragraph", children: line }).trim();
  return { word: m[1], title, rest };
}

function boldLabel(p: Paragraph): Found | null {
  const lead = p.children[0]?.type === "text" && EMOJI_ONLY.test(nodeText(p.children[0])) ? 1 : 0;
  const strong = p.children[lead];
  if (strong?.type !== "strong") return null;
  const m = LABEL.exec(nodeText(strong));
  if (!m?.[1] || !LABEL_WORDS.has(m[1].toLowerCase())) return null;
  const rest = p.children.slice(lead + 1);
  const first = rest[0];
  if (first?.type === "text") rest[0] = { ...first, value: first.value.replace(/^\s*:?\s*/, "") };
  return { word: m[1], title: m[2] ?? "", rest };
}

/** `> Note: text`, `> WARNING: text`: the label as plain text, with its colon. */
function plainLabel(p: Paragraph): Found | null {
  const head = p.children[0];
  const m = head?.type === "text" ? /^\s*([A-Za-z]+)\s*:\s*/.exec(head.value) : null;
  if (!head || head.type !== "text" || !m?.[1] || !LABEL_WORDS.has(m[1].toLowerCase())) return null;
  return { word: m[1], title: "", rest: [{ ...head, value: head.value.slice(m[0].length) }, ...p.children.slice(1)] };
}

function trimmed(children: PhrasingContent[]): PhrasingContent[] {
  const kept = children.filter((c) => c.type !== "text" || c.value !== "");
  const first = kept[0];
  if (first?.type === "text") kept[0] = { ...first, value: first.value.trimStart() };
  while (kept[0]?.type === "break" || (kept[0]?.type === "text" && kept[0].value === "")) kept.shift();
  return kept;
}

/** The <Callout> a blockquote stands for, or null when it is an ordinary quote. */
export function calloutFromBlockquote(quote: Blockquote): { callout: MdxJsxFlowElement; word: string } | null {
  const first = quote.children[0];
  if (first?.type !== "paragraph") return null;
  const found = alertMarker(first) ?? boldLabel(first) ?? plainLabel(first);
  const type = found && calloutType(found.word);
  if (!found || !type) return null;
  const rest = trimmed(found.rest);
  const paragraph: Paragraph = { ...first, children: rest };
  const start = rest[0]?.position?.start;
  if (start && first.position) paragraph.position = { start, end: first.position.end };
  const attributes: MdxJsxAttribute[] = [{ type: "mdxJsxAttribute", name: "type", value: type }];
  if (found.title) attributes.push({ type: "mdxJsxAttribute", name: "title", value: found.title });
  const callout: MdxJsxFlowElement = {
    type: "mdxJsxFlowElement",
    name: "Callout",
    attributes,
    children: [...(rest.length ? [paragraph] : []), ...quote.children.slice(1)] as MdxJsxFlowElement["children"],
  };
  if (quote.position) callout.position = quote.position;
  return { callout, word: found.word };
}
