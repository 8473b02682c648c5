// Small readers for the Markdown that people write in troubleshooting write-ups: list items,
// inline code and fenced blocks, read by lines. What the playbook importer shares with incidents
// (error-looking lines, fence languages) lives in lib/markdown.
import { fenceMask } from "./lines";

// Kept here for the incident readers that import them from this module.
export { looksLikeError } from "@/lib/markdown/error-text";
export { OUTPUT_LANGS } from "@/lib/markdown/fences";

export interface ListItem {
  text: string;
  checked: boolean | null; // null: not a task item
  line: number; // index into the lines given
}

const ITEM = /^ {0,3}(?:[-*+]|\d+[.)])[ \t]+(.*)$/;

/** Top-level list items; continuation lines are joined to their item. */
export function listItems(lines: readonly string[]): ListItem[] {
  const items: ListItem[] = [];
  const mask = fenceMask(lines);
  let current: { lines: string[]; line: number } | null = null;
  const flush = () => {
    if (!current) return;
    const raw = current.lines.join("\n").trim();
    const task = /^\[( |x|X)\][ \t]+([\s\S]*)$/.exec(raw);
    items.push({ text: task ? (task[2] ?? "") : raw, checked: task ? task[1] !== " " : null, line: current.line });
    current = null;
  };
  lines.forEach((line, i) => {
    const m = mask[i] ? null : ITEM.exec(line);
    if (m && !/^\s{4}/.test(line)) {
      flush();
      current = { lines: [m[1] ?? ""], line: i };
    } else if (current && (line.trim() === "" || /^\s/.test(line) || mask[i])) {
      current.lines.push(line.replace(/^ {1,4}/, ""));
    } else {
      flush();
    }
  });
  flush();
  return items;
}

/** Whether the lines hold only list items (and blank lines). */
export function isOnlyList(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "" && !/^ {0,3}-{3,}\s*$/.test(l));
  return (
    nonBlank.length > 0 &&
    ITEM.test(nonBlank[0] ?? "") &&
    lines.every((l) => l.trim() === "" || ITEM.test(l) || /^\s/.test(l) || /^ {0,3}-{3,}\s*$/.test(l))
  );
}

export interface FencedBlock {
  lang: string;
  code: string;
  start: number; // index of the opening fence line
  end: number; // index of the closing fence line (or last line)
}

export function fencedBlocks(lines: readonly string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { fence: string; lang: string; start: number; body: string[]; indent: number } | null = null;
  lines.forEach((line, i) => {
    if (!open) {
      const m = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/.exec(line);
      if (m?.[2])
        open = { fence: m[2], lang: (m[3] ?? "").toLowerCase(), start: i, body: [], indent: (m[1] ?? "").length };
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close?.[1] && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
      blocks.push({ lang: open.lang, code: open.body.join("\n"), start: open.start, end: i });
      open = null;
      return;
    }
    const pad = open.indent;
    open.body.push(line.replace(new RegExp(`^ {0,${pad}}`), ""));
  });
  if (open) {
    const o: { lang: string; start: number; body: string[] } = open;
    blocks.push({ lang: o.lang, code: o.body.join("\n"), start: o.start, end: lines.length - 1 });
  }
  return blocks;
}

/** Inline code spans outside fenced blocks. */
export function inlineCodes(lines: readonly string[]): string[] {
  const mask = fenceMask(lines);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (mask[i]) return;
    for (const m of line.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) out.push((m[2] ?? "").trim());
  });
  return out;
}

/** Markdown emphasis and code marks removed, for comparing headings. */
export function plainHeading(title: string): string {
  return title
    .replace(/[`*]/g, "")
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu, "")
    .replace(/\u{FE0F}/gu, "")
    .replace(/\s+/g, " ")
    .replace(/[:\s]+$/, "")
    .trim();
}
