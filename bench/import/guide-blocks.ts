// Where a guide's code blocks open, read line by line the way a person reads the source: fences
// (``` or ~~~, indented or behind `>` and list markers), indented code, Hugo `{{< highlight >}}` /
// `{{< code >}}` shortcodes and MyST `{code-block}` directives. The labels test holds every hand
// label to these lines, so a mistyped line number cannot make the bench lie. It is written apart
// from the importer on purpose: a yardstick must not share the parser it measures.

export type GuideBlockKind = "fence" | "indented" | "hugo";

export interface GuideBlock {
  /** 1-based line of the opening fence, shortcode or first indented line. */
  line: number;
  /** 1-based line of the closing fence or shortcode (the last code line for indented code). */
  endLine: number;
  kind: GuideBlockKind;
  /** The fence's first info word or the shortcode's language, as written ("" when none). */
  lang: string;
  /** Inside a MyST admonition directive (```{note} … ```), which plain Markdown sees as one fence. */
  inDirective: boolean;
}

/** MyST directives that are code blocks themselves; every other `{name}` fence is an admonition or
 *  similar whose body is Markdown again. */
const CODE_DIRECTIVES = new Set(["code-block", "code", "code-cell", "sourcecode"]);

// Blockquote markers and list markers in front of a fence: `> ```bash`, `1. ```sh`, `- > ~~~`.
const CONTAINER_PREFIX = /^(?:\s*>\s?|\s*(?:[-*+]|\d{1,9}[.)])\s+)*/;
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const HUGO_OPEN = /^\s*\{\{([<%])\s*(highlight|code)\b(.*?)[>%]\}\}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;

interface OpenFence {
  char: string;
  length: number;
}

function withoutContainers(line: string): string {
  return line.replace(CONTAINER_PREFIX, "");
}

function withoutQuotes(line: string): string {
  return line.replace(/^(?:\s*>\s?)+/, "");
}

function closes(line: string, fence: OpenFence): boolean {
  const m = FENCE.exec(withoutContainers(line));
  return !!m && m[1]![0] === fence.char && m[1]!.length >= fence.length && m[2]!.trim() === "";
}

function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)![0];
  return [...lead].reduce((n, c) => n + (c === "\t" ? 4 - (n % 4) : 1), 0);
}

/** Lines of a leading YAML (---) or TOML (+++) front matter, which is not Markdown. */
function frontMatterEnd(lines: string[]): number {
  const marker = lines[0]?.trim();
  if (marker !== "---" && marker !== "+++") return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === marker);
  return end > 0 ? end + 1 : 0;
}

export function guideCodeBlocks(markdown: string): GuideBlock[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: GuideBlock[] = [];
  const directives: OpenFence[] = [];
  let fence: (OpenFence & { block: GuideBlock }) | null = null;
  let hugo: { name: string; block: GuideBlock } | null = null;
  let indented: GuideBlock | null = null;
  let inComment = false;
  let inList = false;
  let previousBlank = true;

  for (let i = frontMatterEnd(lines); i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (fence) {
      if (closes(raw, fence)) {
        fence.block.endLine = line;
        fence = null;
      }
      continue;
    }
    if (hugo) {
      if (new RegExp(`^\\s*\\{\\{[<%]\\s*/\\s*${hugo.name}\\s*[>%]\\}\\}`).test(raw)) {
        hugo.block.endLine = line;
        hugo = null;
      }
      continue;
    }
    if (inComment) {
      if (raw.includes("-->")) inComment = false;
      continue;
    }
    const quoted = withoutQuotes(raw);
    const blank = quoted.trim() === "";
    if (indented) {
      if (blank || indentOf(quoted) >= 4) {
        if (!blank) indented.endLine = line;
        previousBlank = blank;
        continue;
      }
      indented = null;
    }
    if (blank) {
      previousBlank = true;
      continue;
    }
    const wasBlank = previousBlank;
    previousBlank = false;

    const start = quoted.indexOf("<!--");
    if (start >= 0 && !quoted.includes("-->", start)) {
      inComment = true;
      continue;
    }
    const top = directives[directives.length - 1];
    if (top && closes(raw, top)) {
      directives.pop();
      continue;
    }
    const opening = FENCE.exec(withoutContainers(raw));
    if (opening && !(opening[1]![0] === "`" && opening[2]!.includes("`"))) {
      const info = opening[2]!.trim();
      const directive = /^\{([\w-]+)\}\s*(.*)$/.exec(info);
      const marker = { char: opening[1]![0]!, length: opening[1]!.length };
      if (directive && !CODE_DIRECTIVES.has(directive[1]!)) {
        directives.push(marker);
        continue;
      }
      const lang = directive ? (directive[2]!.split(/\s+/)[0] ?? "") : (info.split(/\s+/)[0] ?? "");
      const block: GuideBlock = { line, endLine: line, kind: "fence", lang, inDirective: directives.length > 0 };
      blocks.push(block);
      fence = { ...marker, block };
      continue;
    }
    const shortcode = HUGO_OPEN.exec(raw);
    if (shortcode) {
      const lang = /(?:lang=)?"?([\w+-]+)"?/.exec(shortcode[3]!.trim())?.[1] ?? "";
      const block: GuideBlock = { line, endLine: line, kind: "hugo", lang, inDirective: directives.length > 0 };
      blocks.push(block);
      hugo = { name: shortcode[2]!, block };
      continue;
    }
    // Indented code: four spaces after a blank line, where a list item's continuation is not meant.
    if (indentOf(quoted) >= 4 && wasBlank && !inList) {
      indented = { line, endLine: line, kind: "indented", lang: "", inDirective: directives.length > 0 };
      blocks.push(indented);
      continue;
    }
    if (LIST_ITEM.test(quoted)) inList = true;
    else if (indentOf(quoted) === 0 && (wasBlank || /^#{1,6}\s/.test(quoted))) inList = false;
  }
  return blocks;
}
