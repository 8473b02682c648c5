// A specific, unique title and a real summary for an imported guide. Guides are often titled
// "Troubleshooting" or "FAQ", and the slug comes from the title, so three Troubleshooting pages
// collided; the project the guide belongs to (from its path, frontmatter or first heading) makes
// the title say whose troubleshooting it is. The summary is the first paragraph of prose, not a
// logo, a row of badges, a table of contents or a line of links.
import type { Nodes, Paragraph, RootContent } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";
import type { SourceFrontmatter } from "./dialects";
import { onlyLinks } from "./dialects/tree-toc";

// Words that say what kind of page a guide is, not what it is about.
const GENERIC = new Set(
  (
    "troubleshooting troubleshoot troubleshooter guide guides faq faqs frequently asked questions question known " +
    "issues issue common problems problem errors error contents content table toc readme docs doc documentation " +
    "help debugging debug overview index introduction intro getting started start notes tips tricks solutions " +
    "solution support fixes fix fixing gotchas caveats limitations pitfalls workarounds bugs general basic basics " +
    "home main about info information misc miscellaneous reference manual howto how quick quickstart resolving " +
    "resolve diagnosing diagnose diagnostics runbook runbooks"
  ).split(" "),
);
const STOP = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "to",
  "for",
  "with",
  "your",
  "our",
  "this",
  "page",
  "section",
]);
// Generic titles that are only a page's kind: "Podman troubleshooting" is better than "Podman: Contents".
const KIND_ONLY = new Set(
  (
    "troubleshooting troubleshoot guide contents table of toc readme docs doc documentation index overview " +
    "introduction intro home main the"
  ).split(" "),
);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\.(md|mdx|markdown|rst|txt)$/, "")
    .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
    .split(/[\s_-]+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w !== "");
}

/** "Troubleshooting", "FAQ", "Contents", "Known issues", "README", …: says nothing on its own. */
export function isGenericTitle(title: string): boolean {
  return words(title).every((w) => GENERIC.has(w) || STOP.has(w) || /^\d+$/.test(w));
}

/** `name` without generic words at its ends ("podman-troubleshooting" → "podman"), or null. */
function subjectOf(name: string): { subject: string; stripped: boolean } | null {
  const parts = name.split(/([-_.\s]+)/); // separators kept at odd indexes
  let first = 0;
  let last = parts.length - 1;
  const generic = (p: string | undefined) => !!p && (GENERIC.has(p.toLowerCase()) || STOP.has(p.toLowerCase()));
  while (first <= last && generic(parts[first])) first += 2;
  while (last >= first && generic(parts[last])) last -= 2;
  if (first > last) return null;
  const subject = parts.slice(first, last + 1).join("");
  return /\p{L}/u.test(subject) ? { subject, stripped: first > 0 || last < parts.length - 1 } : null;
}

// Directories that organise a site or a repository rather than name a project.
const LAYOUT_DIRS = new Set(
  (
    "docs doc documentation content contents en src source sources pages page site website www wiki manual md " +
    "markdown guides guide tasks topics reference articles posts blog help howto how-to tutorials tutorial " +
    "user-guide userguide admin operations ops runbooks playbooks troubleshooting faq debug debugging notes kb " +
    "misc general common shared assets static public data files archive old new drafts draft dev prod staging " +
    "test tests testdata fixtures examples example samples sample import imports bench benchmark benchmarks " +
    "holdout tmp temp work home users root mnt opt var repo repos projects project main master latest stable " +
    "current next i18n l10n locale locales versioned_docs github gitlab"
  ).split(" "),
);
const LOCALE = /^(en|de|fr|es|it|ja|ko|zh|pt|ru|nl|pl|tr|uk|vi|id|sv|fi|da|no|cs|hu)([-_][a-z]{2,4})?$/i;
const VERSION = /^(v|version-)?\d+([._]\d+|[._]x)*$/i;

function fromPath(file: string): string | null {
  const segments = file.replace(/\\/g, "/").split("/").filter(Boolean);
  const base = (segments.pop() ?? "").replace(/\.(md|mdx|markdown|rst|txt|adoc)$/i, "");
  const named = subjectOf(base);
  if (named?.stripped) return named.subject;
  for (let i = segments.length - 1; i >= 0; i--) {
    const dir = segments[i] ?? "";
    const parent = (segments[i - 1] ?? "").toLowerCase();
    const skip =
      LAYOUT_DIRS.has(dir.toLowerCase()) ||
      LOCALE.test(dir) ||
      VERSION.test(dir) ||
      /^[._]/.test(dir) ||
      /^(home|users)$/.test(parent);
    const subject = skip ? null : subjectOf(dir);
    if (subject) return subject.subject;
  }
  return null;
}

/** Prose without code: where a project's name is written the way it is spelled. */
function prose(text: string): string {
  return text.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\2[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The spelling the guide itself uses most ("Podman", not "podman"), else the name as found. */
function spelled(name: string, text: string): string {
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-_ ]+/g, "[-_ ]");
  const counts = new Map<string, number>();
  for (const m of prose(text).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "giu"))) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? (/^[a-z]/.test(name) ? name.replace(/_/g, " ") : name);
}

/** The first H1 of the text, if it names something besides the page's kind: "# Podman FAQ" → "Podman". */
function fromFirstHeading(text: string): string | null {
  const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(prose(text))?.[1];
  if (!h1) return null;
  const subject = subjectOf(h1.replace(/[^\p{L}\p{N}\s.'-]+/gu, " ").trim());
  return subject?.stripped && subject.subject.split(/\s+/).length <= 3 ? subject.subject : null;
}

/** The project a guide belongs to, from its path (`podman/docs/troubleshooting.md` → "podman"),
 *  its frontmatter, or its text; null when unknown. */
export function projectName(opts: { file?: string; frontmatter: SourceFrontmatter; text: string }): string | null {
  const found = (opts.file ? fromPath(opts.file) : null) ?? opts.frontmatter.project ?? fromFirstHeading(opts.text);
  return found ? spelled(found, opts.text) : null;
}

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

/** Title: the frontmatter's or first heading's, made specific with the project name when generic. */
export function chooseTitle(opts: {
  heading: string | null;
  frontmatter: SourceFrontmatter;
  file?: string;
  text: string;
}): string {
  const title = cleanTitle(opts.frontmatter.title) ?? cleanTitle(opts.heading);
  if (title && !isGenericTitle(title)) return title;
  const base = opts.file?.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") ?? "";
  const fileWords = base && !isGenericTitle(base) ? capitalised(base.replace(/[-_]+/g, " ").trim()) : null;
  const subject = projectName(opts) ?? fileWords;
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
