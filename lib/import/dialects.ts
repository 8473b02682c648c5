// STUB (interface only; being implemented): documentation dialects → CommonMark/GFM.
import type { Root } from "mdast";
import type { ReportNote } from "./import-report";

export interface SourceFrontmatter {
  title?: string;
  description?: string;
  tags?: string[];
}

export interface NormalisedSource {
  /** The Markdown with dialect markup rewritten; exactly as many lines as the input, so every
   *  node position is a line of the source file. */
  markdown: string;
  /** The source's own frontmatter (YAML `---` or TOML `+++`), understood; {} when there is none. */
  frontmatter: SourceFrontmatter;
  notes: ReportNote[];
}

/** Text-level: frontmatter, Hugo shortcodes, MyST/Sphinx directives and `(target)=` lines,
 *  Docusaurus `:::` admonitions. Never changes the number of lines. */
export function normaliseDialects(markdown: string): NormalisedSource {
  return { markdown, frontmatter: {}, notes: [] };
}

/** Tree-level, after parsing: GitHub `> [!WARNING]` alerts (and admonitions rewritten to them)
 *  become `<Callout type=…>` (mdxJsxFlowElement) nodes; `<details>` blocks are unwrapped; images,
 *  badges and HTML comments are dropped from the prose. */
export function normaliseTree(tree: Root, notes: ReportNote[]): void {
  void tree;
  void notes;
}
