// Documentation dialects → CommonMark/GFM that the importer can walk. Two halves: the text one
// (frontmatter, shortcodes, directives, `:::` and `!!!` containers, markers) runs before parsing
// and keeps every line where it was; the tree one (alerts → <Callout>, HTML unwrapped, images,
// badges and tables of contents dropped) runs on the parsed tree.
import type { Root } from "mdast";
import type { ReportNote } from "./import-report";
import { colonFence, mkdocsAdmonition, mkdocsTab } from "./dialects/containers";
import { readFrontmatter, type SourceFrontmatter } from "./dialects/frontmatter";
import { hugoOpener, joinMultilineShortcodes, replaceInlineShortcodes } from "./dialects/hugo";
import { liquidBlock, replaceLiquid } from "./dialects/liquid";
import { fencedLines } from "./dialects/fences";
import { scanLines, type OpenerMatcher, type ScanRules } from "./dialects/line-scanner";
import { gitlabQuote, markerLine, stripHeadingAttributes, tocComment } from "./dialects/markers";
import { backtickDirective, replaceRoles, sphinxDirective } from "./dialects/myst";
import { outsideCode } from "./dialects/code-spans";
import { NoteLog } from "./dialects/note-log";
import { walk } from "./dialects/tree";

export type { SourceFrontmatter };

export interface NormalisedSource {
  /** The Markdown with dialect markup rewritten; exactly as many lines as the input, so every
   *  node position is a line of the source file. */
  markdown: string;
  /** The source's own frontmatter (YAML `---` or TOML `+++`), understood; {} when there is none. */
  frontmatter: SourceFrontmatter;
  notes: ReportNote[];
}

const OPENERS: readonly OpenerMatcher[] = [
  tocComment,
  backtickDirective,
  colonFence,
  (lines, i) => hugoOpener(lines[i] ?? ""),
  liquidBlock,
  mkdocsAdmonition,
  mkdocsTab,
  sphinxDirective,
  gitlabQuote,
];

function rules(log: NoteLog): ScanRules {
  return {
    openers: OPENERS,
    content(text, line, topLevel) {
      const marker = markerLine(text, topLevel);
      if (marker) {
        log.count(line, `${marker} removed`);
        return "";
      }
      const rewritten = outsideCode(replaceRoles(text, line, log), (t) =>
        replaceLiquid(replaceInlineShortcodes(t, line, log), line, log),
      );
      return stripHeadingAttributes(rewritten);
    },
  };
}

/** Text-level: frontmatter, Hugo shortcodes, MyST/Sphinx directives and `(target)=` lines,
 *  Docusaurus `:::` admonitions, MkDocs `!!!` admonitions, Jekyll Liquid tags. Never changes the
 *  number of lines. */
export function normaliseDialects(markdown: string): NormalisedSource {
  const log = new NoteLog();
  // A lone CR ends a line in CommonMark too, so this keeps the line count.
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const found = readFrontmatter(lines);
  if (found) {
    for (let i = 0; i < found.lines; i++) lines[i] = "";
    const fields = Object.keys(found.frontmatter);
    const read = fields.length ? `its ${fields.join(", ")} read` : "nothing in it used";
    log.add(1, `${found.format} frontmatter (lines 1–${found.lines}) left out of the body; ${read}`);
  }
  const fenced = fencedLines(lines);
  const joined = joinMultilineShortcodes(lines, (i) => fenced[i] ?? false);
  const out = scanLines(joined, rules(log), log);
  return { markdown: out.join("\n"), frontmatter: found?.frontmatter ?? {}, notes: log.flush() };
}

/** Tree-level, after parsing: GitHub `> [!WARNING]` alerts (and admonitions rewritten to them)
 *  become `<Callout type=…>` (mdxJsxFlowElement) nodes; `<details>` blocks are unwrapped; images,
 *  badges and HTML comments are dropped from the prose. Notes are added to `notes`. */
export function normaliseTree(tree: Root, notes: ReportNote[]): void {
  const log = new NoteLog(notes);
  walk(tree, log, new Set(notes.map((n) => n.line)));
  log.flush();
}
