// What a documentation block becomes, whichever dialect wrote it. MyST and Sphinx directives,
// Docusaurus/VuePress/pandoc `:::` containers, MkDocs `!!!` admonitions and Hugo shortcodes all
// name their blocks with the same few words (note, warning, code-block, dropdown, tab, toctree…);
// this is the one table of those words.
import type { CalloutType } from "@/lib/playbooks/format";

export type BlockAction =
  /** A callout: rewritten to a `> [!WORD]` alert. `content` is text the opener line carried. */
  | { kind: "admonition"; word: string; title?: string; content?: string }
  /** A fenced code block of `lang`; the body is verbatim. */
  | { kind: "code"; lang: string }
  /** The body stays as Markdown; the opener becomes a bold `label` line (a tab, a dropdown) or nothing. */
  | { kind: "unwrap"; label?: string }
  /** Nothing of it is kept: a table of contents, an included file, an image. */
  | { kind: "drop" }
  /** A plain blockquote (GitLab's `>>>` fences). */
  | { kind: "quote" };

// Admonition words → Casebook callout types (note/important→info, caution→warning, danger/error→danger).
const CALLOUT_OF_WORD: Record<string, CalloutType> = {
  note: "info",
  info: "info",
  important: "info",
  seealso: "info",
  abstract: "info",
  summary: "info",
  tldr: "info",
  todo: "info",
  question: "info",
  faq: "info",
  example: "info",
  quote: "info",
  remark: "info",
  admonition: "info",
  tip: "tip",
  hint: "tip",
  success: "tip",
  check: "tip",
  done: "tip",
  warning: "warning",
  warn: "warning",
  caution: "warning",
  attention: "warning",
  danger: "danger",
  error: "danger",
  bug: "danger",
  failure: "danger",
  fail: "danger",
  critical: "danger",
};

/** The callout type for an admonition word ("Note", "caution", "SEE-ALSO"), or null if it is not one. */
export function calloutType(word: string): CalloutType | null {
  return CALLOUT_OF_WORD[word.toLowerCase().replace(/[-_ ]/g, "")] ?? null;
}

// Directive names whose body is a code listing; the argument names the language.
const CODE_DIRECTIVES = new Set(["code-block", "code", "sourcecode", "code-cell", "highlight", "prompt"]);
// Directive names that are themselves a language (R Markdown/Quarto ```{bash}, MyST ```{mermaid}).
const LANGUAGE_NAMES = new Set(
  (
    "bash sh shell zsh console shell-session powershell pwsh cmd python python3 r sql js javascript ts json " +
    "yaml toml ini dockerfile mermaid graphviz dot plantuml"
  ).split(" "),
);
// Blocks with nothing a reader of a playbook can use: navigation, includes, pictures, raw output.
const DROPPED = new Set(
  (
    "toctree tableofcontents contents toc include literalinclude image figure figure-md raw meta index " +
    "bibliography iframe youtube video"
  ).split(" "),
);
// Collapsible and tabbed blocks: their content matters, their title becomes a bold line.
const LABELLED = new Set([
  ...["details", "dropdown", "collapse", "expand", "spoiler", "accordion"],
  ...["tab", "tab-item", "tabitem", "card", "grid-item-card", "topic", "sidebar", "rubric"],
]);
const VERSION_NOTES: Record<string, { word: string; label: string }> = {
  versionadded: { word: "note", label: "New in version" },
  versionchanged: { word: "note", label: "Changed in version" },
  deprecated: { word: "warning", label: "Deprecated since version" },
  versionremoved: { word: "warning", label: "Removed in version" },
};

export interface DirectiveSpec {
  name: string;
  /** The rest of the opener line. */
  arg: string;
  /** True where the dialect writes a title after the name (Docusaurus, MkDocs); false where it is
   *  the first line of the body (MyST/Sphinx `{note} Text`). */
  argIsTitle: boolean;
  options?: Record<string, string>;
}

/** What the block `name` becomes. Unknown names are unwrapped: their body is probably prose. */
export function directiveAction({ name, arg, argIsTitle, options = {} }: DirectiveSpec): BlockAction {
  const n = name.toLowerCase().replace(/^callout-/, "");
  const argument = arg.trim();
  if (CODE_DIRECTIVES.has(n)) {
    return { kind: "code", lang: options.language ?? options.lang ?? argument.split(/\s+/)[0] ?? "" };
  }
  if (LANGUAGE_NAMES.has(n)) return { kind: "code", lang: n };
  if (DROPPED.has(n)) return { kind: "drop" };
  if (LABELLED.has(n)) return labelled(argument || options.title);
  const version = VERSION_NOTES[n];
  if (version) return { kind: "admonition", word: version.word, title: `${version.label} ${argument}`.trim() };
  if (n === "admonition") {
    const word = (options.class ?? "").split(/\s+/).find((c) => calloutType(c)) ?? argument.split(/\s+/)[0] ?? "";
    return { kind: "admonition", word: calloutType(word) ? word : "note", ...titled(argument || options.title) };
  }
  if (calloutType(n)) {
    if (options.title) return { kind: "admonition", word: n, title: options.title };
    if (argIsTitle) return { kind: "admonition", word: n, ...titled(argument) };
    return { kind: "admonition", word: n, ...(argument ? { content: argument } : {}) };
  }
  return labelled(LABELLED_UNWRAP.has(n) ? argument : undefined);
}

// Containers whose argument is a caption worth keeping even though the name is not in LABELLED.
const LABELLED_UNWRAP = new Set(["margin", "epigraph", "table", "list-table", "csv-table"]);

function labelled(label: string | undefined): BlockAction {
  const text = label?.trim();
  return text ? { kind: "unwrap", label: text } : { kind: "unwrap" };
}

function titled(title: string | undefined): { title?: string } {
  const text = title?.trim().replace(/^["']|["']$/g, "");
  return text ? { title: text } : {};
}

/** The human word for an admonition ("Warning"), for `**Warning:** text` lines. */
export function admonitionLabel(word: string): string {
  const w = word.toLowerCase() === "seealso" ? "See also" : word.toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}
