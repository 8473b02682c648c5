// Untrusted Markdown → mdast nodes that serialise to MDX within the playbook subset. Markdown from
// people and documents may hold raw HTML or `{…}`; in MDX those would become JSX and JavaScript, so
// raw HTML turns into visible text, unsafe link targets into plain text, and headings move below
// the title (MDX playbooks start their sections at ##).
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const FLOW_PARENTS = new Set(["root", "listItem", "blockquote", "footnoteDefinition", "mdxJsxFlowElement"]);
const SAFE_URL = /^(https?:|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i;

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function defuse(node: Nodes): void {
  if (!("children" in node)) return;
  const parent = node as Parent;
  parent.children = parent.children.map((child) => {
    if (child.type === "html") {
      const text = { type: "text" as const, value: child.value };
      return FLOW_PARENTS.has(parent.type) ? { type: "paragraph" as const, children: [text] } : text;
    }
    if ((child.type === "link" || child.type === "image" || child.type === "definition") && !SAFE_URL.test(child.url)) {
      return { ...child, url: "#" } as typeof child;
    }
    defuse(child as Nodes);
    return child;
  }) as Parent["children"];
}

/** Flow nodes for `markdown`, safe for MDX. `minDepth` is the shallowest heading level allowed. */
export function markdownToMdxNodes(markdown: string, opts: { minDepth?: number } = {}): RootContent[] {
  const tree = parseMarkdown(markdown);
  defuse(tree);
  shiftHeadings(tree.children, opts.minDepth ?? 2);
  return tree.children;
}

/** Moves headings down so the shallowest is at `minDepth` (never deeper than 6). */
export function shiftHeadings(nodes: RootContent[], minDepth: number): void {
  const depths = nodes.filter((n) => n.type === "heading").map((n) => n.depth);
  if (depths.length === 0) return;
  const shift = Math.max(0, minDepth - Math.min(...depths));
  for (const n of nodes) if (n.type === "heading") n.depth = Math.min(6, n.depth + shift) as typeof n.depth;
}

/** Inline Markdown (one paragraph's worth) as phrasing nodes, safe for MDX. */
export function markdownToPhrasing(markdown: string): PhrasingContent[] {
  const nodes = markdownToMdxNodes(markdown.replace(/\s*\n\s*/g, " "));
  const first = nodes[0];
  return first?.type === "paragraph" ? first.children : [{ type: "text", value: markdown }];
}

export { defuse as defuseMarkdownTree };
