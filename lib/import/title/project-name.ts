// The project a guide belongs to, for titles like "Podman troubleshooting": from the file's name
// (`podman-troubleshooting.md`), the nearest directory that is not site layout (`podman/docs/…`),
// the frontmatter, the leading words of the file's name when the guide's prose names them
// (`minikube-drivers.md` and "minikube …"), or the first heading ("# Skopeo FAQ"). Spelled as the
// prose spells it.
import type { SourceFrontmatter } from "../dialects";
import { GENERIC, STOP } from "./generic-words";

const isGeneric = (part: string | undefined) =>
  !!part && (GENERIC.has(part.toLowerCase()) || STOP.has(part.toLowerCase()));

/** `name` without generic words at its ends ("podman-troubleshooting" → "podman"), or null. */
function subjectOf(name: string): { subject: string; stripped: boolean } | null {
  const parts = name.split(/([-_.\s]+)/); // separators kept at odd indexes
  let first = 0;
  let last = parts.length - 1;
  while (first <= last && isGeneric(parts[first])) first += 2;
  while (last >= first && isGeneric(parts[last])) last -= 2;
  if (first > last) return null;
  const subject = parts.slice(first, last + 1).join("");
  return /\p{L}/u.test(subject) ? { subject, stripped: first > 0 || last < parts.length - 1 } : null;
}

// Directories that organise a site, a repository or a machine rather than name a project.
const LAYOUT_DIRS = new Set(
  (
    "docs doc documentation content contents en src source sources pages page site website www wiki manual md " +
    "markdown guides guide tasks topics reference articles posts blog help howto how-to tutorials tutorial " +
    "user-guide userguide admin operations ops runbooks playbooks troubleshooting faq debug debugging notes kb " +
    "misc general common shared assets static public data files archive old new drafts draft dev prod staging " +
    "test tests testdata fixtures examples example samples sample import imports bench benchmark benchmarks " +
    "holdout tmp temp work home users root mnt opt var srv usr local share etc app workspace workspaces build " +
    "out dist downloads documents desktop repo repos git code projects project main master latest stable " +
    "current next i18n l10n locale locales versioned_docs github gitlab lib libs scripts packages pkg internal " +
    // Sections of a docs site, named by what a reader does there: words the guide also uses as words.
    "using user users usage getting-started started concepts tasks setup install installation installing " +
    "configuration config configure features advanced basics cluster clusters network networking storage " +
    "security cli server client desktop manuals manual handbook topics troubleshoot known-issues errors"
  ).split(" "),
);
const LOCALE = /^(en|de|fr|es|it|ja|ko|zh|pt|ru|nl|pl|tr|uk|vi|id|sv|fi|da|no|cs|hu)([-_][a-z]{2,4})?$/i;
const VERSION = /^(v|version-)?\d+([._]\d+|[._]x)*$/i;
// A project's directory is near its docs (podman/docs/source/markdown/x.md); further up is the machine.
const NEAREST_DIRS = 6;

function baseName(file: string): string {
  return (file.replace(/\\/g, "/").split("/").pop() ?? "").replace(/\.(md|mdx|markdown|rst|txt|adoc)$/i, "");
}

// A file named for a task ("debug-pods", "fix-dns") names a topic, not a project.
const TASK_VERB = /^(debug|fix|resolve|diagnose|troubleshoot|solve|repair|recover|check|inspect|investigate)[-_.\s]/i;

function fromPath(file: string, text: string): string | null {
  const segments = file.replace(/\\/g, "/").split("/").filter(Boolean).slice(0, -1);
  const named = TASK_VERB.test(baseName(file)) ? null : subjectOf(baseName(file));
  if (named?.stripped) return named.subject;
  for (let i = segments.length - 1; i >= Math.max(0, segments.length - NEAREST_DIRS); i--) {
    const dir = segments[i] ?? "";
    const parent = (segments[i - 1] ?? "").toLowerCase();
    const layout = LAYOUT_DIRS.has(dir.toLowerCase()) || LOCALE.test(dir) || VERSION.test(dir) || /^[._]/.test(dir);
    const subject = layout || /^(home|users)$/.test(parent) ? null : subjectOf(dir);
    // A directory is the project only if the guide names it: `tmp.x3f/` and `nested/` are not.
    if (subject && mentions(subject.subject, text).length > 0) return subject.subject;
  }
  return null;
}

/** Prose without code: where a project's name is written the way it is spelled. */
function prose(text: string): string {
  // Line by line: a regex over the whole text backtracks quadratically on a long run of backticks.
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const opener = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && opener) fence = opener;
    else if (fence !== null && opener?.startsWith(fence)) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join("\n").replace(/`[^`\n]*`/g, "");
}

/** How `name` is written each time the prose names it (separators may differ: cert-manager, cert manager). */
function mentions(name: string, text: string): string[] {
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-_ ]+/g, "[-_ ]");
  return [...prose(text).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "giu"))].map(
    (m) => m[0],
  );
}

/** The spelling the guide itself uses most ("Podman", not "podman"), else the name as found. */
function spelled(name: string, text: string): string {
  const counts = new Map<string, number>();
  for (const m of mentions(name, text)) counts.set(m, (counts.get(m) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? (/^[a-z]/.test(name) ? name.replace(/_/g, " ") : name);
}

/** Does `title` name `project` already? */
export function names(title: string, project: string): boolean {
  return mentions(project, title).length > 0;
}

/** The first H1 of the text, if it names something besides the page's kind: "# Podman FAQ" → "Podman". */
function fromFirstHeading(text: string): string | null {
  const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(prose(text))?.[1];
  if (!h1) return null;
  const subject = subjectOf(h1.replace(/[^\p{L}\p{N}\s.'-]+/gu, " ").trim());
  return subject?.stripped && subject.subject.split(/\s+/).length <= 3 ? subject.subject : null;
}

/** The file name's words without generic ones at its ends (`kind-known-issues.md` → "kind"). */
export function fileSubject(file: string): string | null {
  const base = baseName(file);
  const subject = TASK_VERB.test(base) ? base : subjectOf(base)?.subject;
  return subject?.replace(/[-_]+/g, " ") ?? null;
}

/** The longest leading run of the file name's words that the prose names. */
function fromFileWords(file: string, text: string): string | null {
  const tokens = baseName(file)
    .split(/[-_.\s]+/)
    .filter(Boolean);
  if (!tokens.length || isGeneric(tokens[0])) return null;
  for (let n = tokens.length; n >= 1; n--) {
    const phrase = tokens.slice(0, n).join(" ");
    if (mentions(phrase, text).length > 0) return phrase;
  }
  return null;
}

/** The project a guide belongs to, from its path (`podman/docs/troubleshooting.md` → "podman"),
 *  its frontmatter, or its text; null when unknown. */
export function projectName(opts: { file?: string; frontmatter: SourceFrontmatter; text: string }): string | null {
  const found =
    (opts.file ? fromPath(opts.file, opts.text) : null) ??
    opts.frontmatter.project ??
    (opts.file ? fromFileWords(opts.file, opts.text) : null) ??
    fromFirstHeading(opts.text);
  return found ? spelled(found, opts.text) : null;
}
