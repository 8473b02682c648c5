// The help pages' sources: every doc a help page renders and every MDX file in app/help compiles
// with the build's own options (lib/help/mdx-options.ts, resolved by name as @next/mdx does), each
// page imports the doc it is for, and the rendered page says what the doc says, with links between
// docs pointing at help pages.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { compile, run } from "@mdx-js/mdx";
import type { Root, RootContent } from "mdast";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { describe, expect, it } from "vitest";
import { Children, type ReactElement, type ReactNode } from "react";
import { docToc } from "@/components/help/doc-toc";
import { useMDXComponents } from "@/mdx-components";
import { CLASSIFIER_HELP, HELP_PAGES } from "@/lib/help/help-pages";
import { HELP_MDX_OPTIONS } from "@/lib/help/mdx-options";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HELP_DIR = path.join(ROOT, "app/help");

type Named = string | [name: string, options: object];

async function plugins(names: readonly Named[]): Promise<PluggableList> {
  const load = async (name: string) => ((await import(name)) as { default: never }).default;
  return Promise.all(names.map(async (p) => (typeof p === "string" ? load(p) : [await load(p[0]), p[1]])));
}

const options = {
  remarkPlugins: await plugins(HELP_MDX_OPTIONS.remarkPlugins),
  rehypePlugins: await plugins(HELP_MDX_OPTIONS.rehypePlugins),
};

async function load(file: string): Promise<MDXContent> {
  const value = readFileSync(file, "utf8");
  const code = await compile({ value, path: file }, { ...options, outputFormat: "function-body" });
  return ((await run(String(code), { ...runtime, baseUrl: import.meta.url })) as { default: MDXContent }).default;
}

/** Compiles a help source as the build does (.md as Markdown, .mdx as MDX) and renders it to HTML. */
async function render(file: string): Promise<string> {
  const Content = await load(file);
  // The components come from the root mdx-components.tsx, as in the build.
  const Page = () => <Content components={useMDXComponents()} />;
  return renderToStaticMarkup(<Page />);
}

/** React's markup holds text escaped and never a raw `<` or `>`, so the text is what lies between tags. */
function textOf(html: string): string {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
  return squash(html.replace(/<[^>]+>/g, "").replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => entities[e]!));
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

/** The text of each paragraph, heading and table cell of a Markdown doc, as a reader sees it. */
function blocksOf(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const blocks: string[] = [];
  // Raw HTML counts as text too: the help does not render it, so a doc that has some fails here.
  const text = (node: RootContent): string =>
    "value" in node ? node.value : "children" in node ? node.children.map(text).join("") : "";
  const visit = (node: Root | RootContent) => {
    if (node.type !== "root" && BLOCKS.has(node.type)) blocks.push(squash(text(node)));
    else if ("children" in node) node.children.forEach(visit);
  };
  visit(tree);
  return blocks.filter(Boolean);
}

const rendered = new Map<string, string>();
const docPath = (doc: string) => path.join(ROOT, "docs", doc);

describe("the help pages", () => {
  it.each(HELP_PAGES)("/help/$slug imports docs/$doc, so the doc is the page", ({ slug, doc }) => {
    const source = readFileSync(path.join(HELP_DIR, slug, "page.tsx"), "utf8");
    expect(source).toMatch(new RegExp(`^import \\w+ from "@/docs/${doc.replace(".", "\\.")}";$`, "m"));
  });

  it.each(HELP_PAGES)("docs/$doc compiles and renders every paragraph, heading and cell", async ({ doc }) => {
    const html = await render(docPath(doc));
    rendered.set(doc, html);
    const text = textOf(html);
    const missing = blocksOf(readFileSync(docPath(doc), "utf8")).filter((block) => !text.includes(block));
    expect(missing).toEqual([]);
  });

  it("compiles every MDX file in app/help", async () => {
    const files = readdirSync(HELP_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mdx"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await render(path.join(HELP_DIR, file))).toContain("<h1");
  });

  it("renders tables, highlighted code and anchored headings with the playbooks' components", () => {
    const html = rendered.get("playbook-format.md")!;
    expect(html).toContain('<div class="table-scroll"><table>');
    expect(html).toMatch(/<pre class="code-pre shiki shiki-themes github-light-default github-dark-default/);
    expect(html).toMatch(/<h2 id="frontmatter">Frontmatter<a href="#frontmatter" class="heading-anchor"/);
    expect(html).toContain(`id="${CLASSIFIER_HELP.split("#")[1]}"`);
  });

  it("sends links between docs to their help pages, and names docs that have none", () => {
    expect(rendered.get("writing-playbooks.md")).toContain('href="/help/playbook-format"');
    const agent = rendered.get("agent.md")!;
    expect(agent).not.toContain('href="security.md');
    expect(agent).toContain('<span title="docs/security.md in the repository">security.md</span>');
  });

  it("lists a doc's ## and ### headings, with their anchors, as its table of contents", async () => {
    const Content = await load(docPath("playbook-format.md"));
    const Page = () => Content({ components: useMDXComponents() }) as ReactElement<{ children?: ReactNode }>;
    const toc = docToc(Children.toArray(Page().props.children));
    expect(toc).toContainEqual({ kind: "section", id: "frontmatter", title: "Frontmatter", level: 0 });
    expect(toc).toContainEqual({ kind: "section", id: "expectations", title: "Expectations", level: 1 });
    const headings = blocksOf(readFileSync(docPath("playbook-format.md"), "utf8"));
    expect(toc.map((e) => e.title).every((title) => headings.includes(title))).toBe(true);
    expect(toc.length).toBeGreaterThan(10);
  });
});
