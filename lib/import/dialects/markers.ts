// Lines that are markup for a site generator and say nothing to a reader: table-of-contents
// markers, MyST `(target)=` labels, kramdown `{: .class}` attribute lines, Jupytext `+++` cell
// breaks, MDX imports, reStructuredText `.. _label:` targets, and `{#id}` heading anchors.
import type { Opener } from "./line-scanner";

const MARKERS: Array<{ pattern: RegExp; what: string; topLevelOnly?: boolean }> = [
  {
    pattern: /^\s*(\[\[_?toc_?\]\]|\[toc\]|\$\{toc\}|\{:?toc\}|@\[toc\]\(.*\))\s*$/i,
    what: "table-of-contents marker",
  },
  { pattern: /^\s*[*+-]\s+TOC\s*$|^\s*1\.\s+TOC\s*$/, what: "table-of-contents marker" },
  { pattern: /^\s*\([\w.:/-]+\)=\s*$/, what: "MyST target label" },
  { pattern: /^\s*\{:[^}]*\}\s*$/, what: "kramdown attribute line" },
  { pattern: /^\+\+\+(\s*\{.*\})?\s*$/, what: "Jupytext cell marker" },
  { pattern: /^\s*\.\.\s+_[^:]+:(\s+\S.*)?$/, what: "reStructuredText target" },
  {
    pattern:
      /^(import\s+[\w{}\s,*]+\s+from\s+['"][^'"]+['"]|import\s+['"][^'"]+['"]|export\s+(const|let|default)\s.*);?\s*$/,
    what: "MDX import or export",
    topLevelOnly: true,
  },
];

/** What marker `text` is, or null when it is prose. */
export function markerLine(text: string, topLevel: boolean): string | null {
  return MARKERS.find((m) => (topLevel || !m.topLevelOnly) && m.pattern.test(text))?.what ?? null;
}

/** `## Examining pod logs {#examine-pod-logs}` → `## Examining pod logs`. */
export function stripHeadingAttributes(text: string): string {
  // Found from the last `{` rather than by one regex: a lazy `.*?` before `\s*\{` backtracks
  // quadratically on a long line of spaces.
  const at = text.lastIndexOf("{");
  if (at < 0 || !/^\s{0,3}#{1,6}\s/.test(text) || !/^\{\s*[#.][^{}]*\}\s*$/.test(text.slice(at))) return text;
  return text.slice(0, at).trimEnd();
}

const TOC_START = /^\s*<!--\s*(toc|start doctoc\b.*|table of contents)\s*-->\s*$/i;
const TOC_END = /^\s*<!--\s*(tocstop|\/toc|end doctoc\b.*|\/table of contents)\s*-->\s*$/i;

/** `<!-- toc -->` … `<!-- tocstop -->` (markdown-toc, doctoc, VS Code): a generated list of links. */
export function tocComment(lines: readonly string[], index: number): Opener | null {
  if (!TOC_START.test(lines[index] ?? "")) return null;
  return {
    action: { kind: "drop" },
    end: { kind: "line", pattern: TOC_END },
    note: "a generated table of contents was left out",
  };
}

/** GitLab's multi-line blockquote: `>>>` lines around it. */
export function gitlabQuote(lines: readonly string[], index: number): Opener | null {
  if (!/^\s*>>>\s*$/.test(lines[index] ?? "")) return null;
  return {
    action: { kind: "quote" },
    end: { kind: "line", pattern: /^\s*>>>\s*$/ },
    note: "GitLab >>> quote became a blockquote",
  };
}
