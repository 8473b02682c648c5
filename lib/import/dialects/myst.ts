// MyST (Jupyter Book, Sphinx with myst-parser) and reStructuredText-in-Markdown: ```{directive}
// fences with their `:option:` lines, `.. directive::` blocks, and {role}`text` roles.
import { directiveAction } from "./directives";
import { columns } from "./fences";
import type { Opener } from "./line-scanner";
import type { NoteLog } from "./note-log";
import { splitCodeSpans } from "./code-spans";

const BACKTICK_DIRECTIVE = /^(\s*)(`{3,}|~{3,})\s*\{([^}]*)\}\s*(.*)$/;

/** `:key: value` lines, or a `---` YAML block, at the start of a directive's body. */
export function readOptions(
  lines: readonly string[],
  from: number,
): { options: Record<string, string>; count: number } {
  const options: Record<string, string> = {};
  const put = (key: string, value: string) => (options[key.toLowerCase()] = value.trim().replace(/^["']|["']$/g, ""));
  if (lines[from]?.trim() === "---") {
    for (let j = from + 1; j < Math.min(lines.length, from + 30); j++) {
      const line = lines[j] ?? "";
      if (line.trim() === "---") return { options, count: j - from + 1 };
      const m = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(line);
      if (m) put(m[1] ?? "", m[2] ?? "");
    }
    return { options: {}, count: 0 };
  }
  let count = 0;
  for (let m; (m = /^\s*:([\w-]+):(?:\s+(.*))?$/.exec(lines[from + count] ?? "")); count++) put(m[1] ?? "", m[2] ?? "");
  return { options, count };
}

/** ```{note}, ```{code-block} bash, ```{admonition} Title, R Markdown ```{bash}, pandoc ```{.bash}. */
export function backtickDirective(lines: readonly string[], index: number): Opener | null {
  const m = BACKTICK_DIRECTIVE.exec(lines[index] ?? "");
  if (!m) return null;
  const fence = m[2] ?? "```";
  const inner = (m[3] ?? "").trim();
  const end = { kind: "fence" as const, char: fence[0] ?? "`", length: fence.length };
  if (inner.startsWith(".") || inner.startsWith("#")) {
    const lang = /(?:^|\s)\.([\w+-]+)/.exec(inner)?.[1] ?? "";
    return { action: { kind: "code", lang }, end, note: `pandoc code block {${inner}} became a ${lang} code block` };
  }
  // R Markdown chunks carry options after the name: {r echo=FALSE}, {python, include=TRUE}.
  const name = /^[\w:-]+/.exec(inner)?.[0] ?? "";
  if (!name) return null;
  const { options, count } = readOptions(lines, index + 1);
  const action = directiveAction({ name, arg: m[4] ?? "", argIsTitle: false, options });
  return { action, end, note: describe(`MyST directive {${name}}`, action), optionLines: count };
}

const SPHINX_DIRECTIVE = /^(\s*)\.\.\s+([\w:-]+)::\s*(.*)$/;

/** `.. note::` / `.. code-block:: bash` with an indented body, as Sphinx writes them. */
export function sphinxDirective(lines: readonly string[], index: number): Opener | null {
  const line = lines[index] ?? "";
  const m = SPHINX_DIRECTIVE.exec(line);
  if (!m) return null;
  const indent = columns(line);
  let count = 0;
  const options: Record<string, string> = {};
  for (let o; (o = /^\s+:([\w-]+):(?:\s+(.*))?$/.exec(lines[index + 1 + count] ?? "")); count++) {
    options[(o[1] ?? "").toLowerCase()] = (o[2] ?? "").trim();
  }
  const next = lines.slice(index + 1 + count).find((l) => l.trim() !== "");
  const body = next && columns(next) > indent ? columns(next) : indent + 3;
  const name = m[2] ?? "";
  const action = directiveAction({ name, arg: m[3] ?? "", argIsTitle: false, options });
  return {
    action,
    end: { kind: "dedent", body },
    note: describe(`Sphinx directive ${name}::`, action),
    optionLines: count,
  };
}

export function describe(what: string, action: ReturnType<typeof directiveAction>): string {
  if (action.kind === "admonition") return `${what} became a callout`;
  if (action.kind === "code") return `${what} became a ${action.lang || "plain"} code block`;
  if (action.kind === "drop") return `${what} was left out (nothing in it can be imported)`;
  return `${what} was unwrapped; its content is kept`;
}

// Roles whose text is code: it stays inline code.
const CODE_ROLES = new Set(
  "code command file envvar option program samp literal kbd makevar mailheader regexp".split(" "),
);
// `{ref}` (MyST) or `:ref:` (reStructuredText) right before a code span; not `${VAR}`.
const ROLE_BEFORE_SPAN = /(^|[^$\w])(?:\{([\w:+.-]+)\}|:((?:[a-z]+:)?[a-z][\w-]*):)$/;

function roleText(role: string, body: string): string {
  const explicit = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(body);
  const text = (explicit ? explicit[1] || explicit[2] : body)?.trim().replace(/^[~!]/, "") ?? "";
  const name = role.replace(/^[a-z]+:/, "");
  return CODE_ROLES.has(name) ? `\`${text}\`` : text;
}

/** {ref}`text <target>` → text, {doc}`x` → x, {command}`ls` → `ls`; also `:ref:` RST roles. */
export function replaceRoles(text: string, line: number, log: NoteLog): string {
  const segments = splitCodeSpans(text);
  return segments
    .map((segment, i) => {
      const next = segments[i + 1];
      if (segment.code || !next?.code) return segment.text;
      const m = ROLE_BEFORE_SPAN.exec(segment.text);
      if (!m) return segment.text;
      const role = m[2] ?? m[3] ?? "";
      log.count(line, m[2] ? `MyST role {${role}} became its text` : `reStructuredText role :${role}: became its text`);
      const body = next.text.replace(/^(`+)([\s\S]*)\1$/, "$2");
      next.text = roleText(role, body);
      next.code = false;
      return segment.text.slice(0, (m.index ?? 0) + (m[1] ?? "").length);
    })
    .join("");
}
