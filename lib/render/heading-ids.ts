// A rehype plugin that gives each heading the id the content index chose for its section, so the
// table of contents, search deep links and the page agree on anchors. Sections are matched by file
// line (the body is compiled with its original line numbers); a heading the index does not know
// gets a github-slugger id that does not collide with the others.
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Section } from "@/lib/playbooks/types";

const HEADING = /^h[1-6]$/;

export function rehypeHeadingIds(options: { sections: readonly Pick<Section, "id" | "line">[] }) {
  return (tree: Root) => {
    const byLine = new Map(options.sections.map((s) => [s.line, s.id]));
    const slugger = new GithubSlugger();
    for (const s of options.sections) slugger.slug(s.id); // reserve, so fallbacks never collide

    const visit = (node: Root | RootContent | ElementContent) => {
      if (node.type === "element" && HEADING.test(node.tagName)) {
        const line = node.position?.start.line;
        const known = line === undefined ? undefined : byLine.get(line);
        node.properties.id = known ?? slugger.slug(textOf(node));
      }
      if ("children" in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
