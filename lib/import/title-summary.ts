// STUB (interface only; being implemented): a specific, unique title and a real summary.
import type { RootContent } from "mdast";
import type { SourceFrontmatter } from "./dialects";

/** "Troubleshooting", "FAQ", "Contents", "Known issues", "README", …: says nothing on its own. */
export function isGenericTitle(title: string): boolean {
  void title;
  return false;
}

/** The project a guide belongs to, from its path (`podman/docs/troubleshooting.md` → "podman"),
 *  its frontmatter, or its text; null when unknown. */
export function projectName(opts: { file?: string; frontmatter: SourceFrontmatter; text: string }): string | null {
  void opts;
  return null;
}

/** Title: the frontmatter's or first heading's, made specific with the project name when generic. */
export function chooseTitle(opts: {
  heading: string | null;
  frontmatter: SourceFrontmatter;
  file?: string;
  text: string;
}): string {
  return opts.frontmatter.title ?? opts.heading ?? "Imported troubleshooting guide";
}

/** The first paragraph of real prose: not an image, badge, HTML comment, table of contents,
 *  or a line of links. Null when the guide has none. */
export function chooseSummary(nodes: readonly RootContent[], frontmatter: SourceFrontmatter): string | null {
  void nodes;
  return frontmatter.description ?? null;
}
