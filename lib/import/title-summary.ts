// A specific, unique title and a real summary for an imported guide. Guides are often titled
// "Troubleshooting" or "FAQ", and the slug comes from the title, so three Troubleshooting pages
// collided; the project the guide belongs to (lib/import/title/project-name.ts) makes the title
// say whose troubleshooting it is. The summary is the first paragraph of prose, not a
// logo, a row of badges, a table of contents or a line of links.
import type { Nodes, Paragraph, RootContent } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";
import type { SourceFrontmatter } from "./dialects";
import { onlyLinks } from "./dialects/tree-toc";
import { GENERIC, isGenericTitle, STOP, words } from "./title/generic-words";
import { fileSubject, names, projectName } from "./title/project-name";

export { isGenericTitle, projectName };

// Generic titles that are only a page's kind: "Podman troubleshooting" is better than "Podman: Contents".
const KIND_ONLY = new Set(
  (
    "troubleshooting troubleshoot guide contents table of toc readme docs doc documentation index overview " +
    "introduction intro home main the"
  ).split(" "),
);

function cleanTitle(title: string | null | undefined): string | null {
  const t = (title ?? "")
    .replace(/\s*\{#[^}]*\}\s*$/, "")
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^["'\s]+|["'\s:]+$/g, "")
    .trim();
  return t || null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A title that is its kind and a word or two ("Troubleshooting drivers"): true of many projects. */
function thin(title: string): boolean {
  const ws = words(title);
  return ws.some((w) => GENERIC.has(w)) && ws.filter((w) => !GENERIC.has(w) && !STOP.has(w)).length <= 1;
}

/** Title: the frontmatter's or first heading's, made specific with the project name when generic. */
export function chooseTitle(opts: {
  heading: string | null;
  frontmatter: SourceFrontmatter;
  file?: string;
  text: string;
}): string {
  const title = cleanTitle(opts.frontmatter.title) ?? cleanTitle(opts.heading);
  const project = projectName(opts);
  if (title && !isGenericTitle(title))
    return project && thin(title) && !names(title, project) ? `${project}: ${title}` : title;
  const fileWords = opts.file ? fileSubject(opts.file) : null;
  // `podman-rootless.md` of project Podman: "Podman rootless" says more than "Podman".
  const projectFirst = project && fileWords && words(fileWords).join(" ").startsWith(words(project).join(" "));
  const subject = projectFirst
    ? `${project}${fileWords.slice(project.length)}`
    : (project ?? (fileWords ? capitalised(fileWords) : null));
  if (!subject) return title ?? "Imported troubleshooting guide";
  if (!title || words(title).every((w) => KIND_ONLY.has(w))) return `${subject} troubleshooting`;
  return `${subject}: ${title}`;
}

const SUMMARY_MAX = 300;
const LABEL = /^(symptoms?|problem|issue|cause|root cause|solution|fix|workaround|error|note|warning|tip)\s*:/i;
const ABBREVIATION = /\b(e\.g|i\.e|etc|vs|cf|approx|no)\.$/i;

/** `text` cut to at most SUMMARY_MAX characters, at the end of a sentence where there is one. */
export function cutSummary(text: string, max = SUMMARY_MAX): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  let cut = -1;
  for (const m of t.slice(0, max + 1).matchAll(/[.!?]["')\]]?(?=\s)/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= max && end >= 40 && !ABBREVIATION.test(t.slice(0, end))) cut = end;
  }
  if (cut > 0) return t.slice(0, cut);
  const space = t.lastIndexOf(" ", max - 1);
  return `${t.slice(0, space > 40 ? space : max - 1).replace(/[\s,;:]+$/, "")}…`;
}

/** A paragraph's prose, or null when it is a badge row, a line of links, a marker or a label. */
function proseOf(p: Paragraph, allowLabels: boolean): string | null {
  if (onlyLinks(p.children)) return null;
  const text = nodeText(p as Nodes)
    .replace(/\s+/g, " ")
    .trim();
  if (/^(<!--[\s\S]*-->|(<[^>]+>\s*)+)$/.test(text)) return null; // HTML shown as text
  if (/^(\[\[_?toc_?\]\]|\[toc\]|\$\{toc\})$/i.test(text)) return null;
  const wordCount = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (wordCount < 4) return null;
  if (text.endsWith(":") && wordCount < 12) return null; // "Run the following command:"
  if (!allowLabels && LABEL.test(text)) return null;
  return text;
}

/** The first paragraph of real prose: not an image, badge, HTML comment, table of contents,
 *  or a line of links. Null when the guide has none. */
export function chooseSummary(nodes: readonly RootContent[], frontmatter: SourceFrontmatter): string | null {
  if (frontmatter.description && !isGenericTitle(frontmatter.description)) return cutSummary(frontmatter.description);
  const paragraphs = nodes.filter((n): n is Paragraph => n.type === "paragraph");
  // A problem's "Symptom: …" line describes one problem, not the guide; only as a last resort.
  for (const allowLabels of [false, true]) {
    for (const p of paragraphs) {
      const text = proseOf(p, allowLabels);
      if (text) return cutSummary(text);
    }
  }
  return null;
}
