// Hugo shortcodes: `{{< name args >}}` and `{{% name args %}}`, paired with `{{< /name >}}`.
// Admonition shortcodes (note, warning, alert, callout, notice, hint…) open callouts, highlight
// and code shortcodes open code blocks, tabs and details keep their content under a bold label,
// and the rest (ref, glossary_tooltip, figure, feature-state…) become their text or nothing.
import { calloutType, type BlockAction } from "./directives";
import type { Opener } from "./line-scanner";
import type { NoteLog } from "./note-log";

export interface Shortcode {
  name: string;
  closing: boolean;
  positional: string[];
  params: Record<string, string>;
  /** As written, for notes: `{{< note >}}`. */
  source: string;
}

// `{{</* note */>}}` is Hugo's escape for showing a shortcode literally.
const SHORTCODE =
  /\{\{<\/\*([\s\S]*?)\*\/>\}\}|\{\{%\/\*([\s\S]*?)\*\/%\}\}|\{\{([<%])\s*([\s\S]*?)\s*\/?\s*([>%])\}\}/g;
const ARG = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;

/** A double-quoted argument's escapes: `"say \\"hi\\""`. */
function unquote(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

export function parseShortcode(inner: string, source: string): Shortcode | null {
  const m = /^(\/)?\s*([\w.\-/]+)\s*([\s\S]*)$/.exec(inner.trim());
  if (!m) return null;
  const positional: string[] = [];
  const params: Record<string, string> = {};
  for (const a of (m[3] ?? "").matchAll(ARG)) {
    if (a[1]) params[a[1].toLowerCase()] = a[2] !== undefined ? unquote(a[2]) : (a[3] ?? a[4] ?? a[5] ?? "");
    else positional.push(a[6] !== undefined ? unquote(a[6]) : (a[7] ?? a[8] ?? ""));
  }
  return { name: (m[2] ?? "").toLowerCase(), closing: m[1] === "/", positional, params, source };
}

const ADMONITION_NAMES = new Set(
  "note tip warning caution danger important info attention error hint notice alert callout admonition pageinfo".split(
    " ",
  ),
);
// Docsy's alert colours.
const COLOUR_WORDS: Record<string, string> = { primary: "note", secondary: "note", success: "tip", info: "note" };
const DETAILS_NAMES = new Set(["details", "expand", "collapse", "spoiler", "accordion"]);
const TAB_NAMES = new Set(["tab", "tabitem", "tab-item"]);
const CONTAINER_NAMES = new Set(["tabs", "tabpane", "tabgroup", "tab-group", "columns", "column", "steps", "cards"]);
const CODE_NAMES = new Set(["highlight", "code", "codeblock", "code-block", "code-toggle", "mermaid"]);

function admonitionWord(sc: Shortcode): { word: string; usedPositional: boolean } {
  const declared = sc.params.type ?? sc.params.color ?? sc.params.style ?? sc.params.context ?? sc.params.level;
  const candidates = [declared, sc.positional[0]];
  for (const [i, candidate] of candidates.entries()) {
    const word = candidate && (COLOUR_WORDS[candidate.toLowerCase()] ?? candidate);
    if (word && calloutType(word)) return { word, usedPositional: i === 1 };
  }
  if (calloutType(sc.name)) return { word: sc.name, usedPositional: false };
  // `{{% alert title="Warning" %}}`: the title says what kind it is.
  const fromTitle = (sc.params.title ?? "").split(/\W+/).find((w) => calloutType(w));
  return { word: fromTitle ?? "note", usedPositional: false };
}

/** What a block shortcode becomes; null for inline shortcodes. */
export function shortcodeAction(sc: Shortcode): BlockAction | null {
  const { name, params, positional } = sc;
  if (ADMONITION_NAMES.has(name)) {
    const { word, usedPositional } = admonitionWord(sc);
    const title = params.title ?? params.header ?? params.summary ?? positional[usedPositional ? 1 : 0];
    return title ? { kind: "admonition", word, title } : { kind: "admonition", word };
  }
  if (CODE_NAMES.has(name) || (TAB_NAMES.has(name) && params.lang)) {
    const extension = /\.(\w+)$/.exec(params.file ?? "")?.[1];
    const fallback = name === "code-toggle" ? "toml" : name === "mermaid" ? "mermaid" : "";
    return { kind: "code", lang: params.lang ?? params.language ?? positional[0] ?? extension ?? fallback };
  }
  const label = params.name ?? params.header ?? params.title ?? params.summary ?? params.label ?? positional[0];
  if (DETAILS_NAMES.has(name) || TAB_NAMES.has(name)) return label ? { kind: "unwrap", label } : { kind: "unwrap" };
  if (CONTAINER_NAMES.has(name)) return { kind: "unwrap" };
  return null;
}

/** Every shortcode in `text`, with where it is. */
export function shortcodesIn(
  text: string,
): Array<{ sc: Shortcode | null; start: number; end: number; literal?: string }> {
  return [...text.matchAll(SHORTCODE)].map((m) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) {
      const literal = m[1] !== undefined ? `{{<${m[1]}>}}` : `{{%${m[2]}%}}`;
      return { sc: null, start, end, literal };
    }
    return { sc: m[3] === (m[5] === ">" ? "<" : "%") ? parseShortcode(m[4] ?? "", m[0]) : null, start, end };
  });
}

/** A line holding a block shortcode: alone (`{{< note >}}`), or opening before text on the line. */
export function hugoOpener(line: string): Opener | null {
  const found = shortcodesIn(line);
  const first = found[0];
  if (!first?.sc || first.sc.closing || line.slice(0, first.start).trim() !== "") return null;
  const action = shortcodeAction(first.sc);
  if (!action) return null;
  const rest = line.slice(first.end);
  const closer = found.find((f) => f.sc?.closing && f.sc.name === first.sc?.name);
  const label = `Hugo shortcode {{< ${first.sc.name} >}}`;
  if (rest.trim() === "") {
    const end =
      action.kind === "unwrap" ? ({ kind: "none" } as const) : { kind: "shortcode" as const, name: first.sc.name };
    return { action, end, note: noteFor(label, action) };
  }
  // Text on the opener's line is the callout's first line; a closer there too ends it on this line.
  if (action.kind !== "admonition") return null;
  const content = (closer ? rest.slice(0, closer.start - first.end) : rest).trim();
  return {
    action: { ...action, content },
    end: closer && line.slice(closer.end).trim() === "" ? { kind: "none" } : { kind: "shortcode", name: first.sc.name },
    note: noteFor(label, action),
  };
}

/** `{{< /name >}}` at the end of a line, and the text before it. */
export function hugoCloser(line: string): { name: string; before: string } | null {
  const found = shortcodesIn(line);
  const last = found[found.length - 1];
  if (!last?.sc?.closing || line.slice(last.end).trim() !== "") return null;
  return { name: last.sc.name, before: line.slice(0, last.start).trimEnd() };
}

function noteFor(label: string, action: BlockAction): string {
  if (action.kind === "admonition") return `${label} became a callout`;
  if (action.kind === "code") return `${label} became a ${action.lang || "plain"} code block`;
  const labelled = action.kind === "unwrap" && action.label ? " under a bold label" : "";
  return `${label} was unwrapped; its content is kept${labelled}`;
}

// Shortcodes that pull in another file: its content is not in the guide, and the report says so.
const MISSING_CONTENT = new Set(["code_sample", "codenew", "include", "readfile", "readme", "embed", "remote"]);
const HEADINGS: Record<string, string> = {
  prerequisites: "Before you begin",
  whatsnext: "What's next",
  cleanup: "Clean up",
};

/** The text an inline shortcode stands for: a ref's target, a tooltip's text, a heading's words. */
export function shortcodeText(sc: Shortcode): string {
  const { name, params, positional } = sc;
  if (sc.closing) return "";
  if (name === "ref" || name === "relref") return params.path ?? positional[0] ?? "";
  if (name === "heading") {
    const word = positional[0] ?? "";
    return HEADINGS[word] ?? word.charAt(0).toUpperCase() + word.slice(1).replace(/[-_]/g, " ");
  }
  if (name.includes("tooltip") || name === "abbr" || name === "term") return params.text ?? positional[0] ?? "";
  return params.text ?? "";
}

/** Inline shortcodes in `text` replaced by their text. */
export function replaceInlineShortcodes(text: string, line: number, log: NoteLog): string {
  let result = "";
  let at = 0;
  for (const found of shortcodesIn(text)) {
    result += text.slice(at, found.start);
    at = found.end;
    if (found.literal) {
      result += found.literal;
      continue;
    }
    if (!found.sc) continue;
    const replacement = shortcodeText(found.sc);
    result += replacement;
    if (found.sc.closing) continue;
    const what = `Hugo shortcode {{< ${found.sc.name} >}}`;
    if (MISSING_CONTENT.has(found.sc.name)) log.add(line, `${what} includes another file, which is not imported`);
    else log.count(line, replacement ? `${what} became its text` : `${what} was removed`);
  }
  return result + text.slice(at);
}

/**
 * A shortcode written over several lines (`{{< glossary_tooltip\n text="Pod" >}}`) is put on one
 * line, so that the line scanner sees it whole. The line count stays: the shortcode takes the
 * line that keeps the surrounding paragraph together, and the other lines keep their own text.
 */
export function joinMultilineShortcodes(lines: string[], verbatim: (i: number) => boolean): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? "";
    if (verbatim(i)) continue;
    const open = line.search(/\{\{[<%](?![\s\S]*[>%]\}\})/);
    if (open < 0) continue;
    let j = i + 1;
    while (j < out.length && j - i < 8 && !verbatim(j) && !/[>%]\}\}/.test(out[j] ?? "")) j++;
    if (j >= out.length || j - i >= 8 || verbatim(j)) continue;
    const last = out[j] ?? "";
    const close = (/[>%]\}\}/.exec(last)?.index ?? 0) + 3;
    const joined = [line.slice(open), ...out.slice(i + 1, j), last.slice(0, close)].map((s) => s.trim()).join(" ");
    const before = line.slice(0, open);
    const after = last.slice(close);
    for (let k = i + 1; k < j; k++) out[k] = "";
    if (before.trim() === "") {
      out[i] = before + joined;
      out[j] = after;
    } else {
      out[i] = before.trimEnd();
      out[j] = joined + after;
    }
    i = j;
  }
  return out;
}
