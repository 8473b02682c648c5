// The hand labels of the import benchmark, checked against their guides: a label on a line that
// opens no code block, a block nobody labelled, or an error line the guide does not print would
// make the bench score the importer against something that is not there.
import type { Code, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { guideCodeBlocks, type GuideBlock } from "./guide-blocks";
import { GUIDE_SETS, readGuideSet, type Guide, type GuideLabels } from "./labels";

const guides = GUIDE_SETS.flatMap((set) => readGuideSet(set));

/** Opening lines of code blocks as a CommonMark parser sees them, without MyST admonitions (which
 *  it takes for fences) and without anything inside a Hugo shortcode (which it does not know). */
function parserBlockLines(markdown: string, hugo: GuideBlock[]): number[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]).parse(markdown);
  const lines: number[] = [];
  visit(tree as Root, "code", (node: Code) => {
    const line = node.position!.start.line;
    const directive = /^\{([\w-]+)\}$/.exec(node.lang ?? "")?.[1];
    if (directive && !["code-block", "code", "code-cell", "sourcecode"].includes(directive)) return;
    if (hugo.some((h) => line >= h.line && line <= h.endLine)) return;
    lines.push(line);
  });
  return lines;
}

function context(markdown: string, line: number): string {
  return `${line}: ${markdown.split("\n")[line - 1] ?? "(past the end)"}`;
}

describe.each(guides.map((g) => [`${g.set}/${g.name}`, g] as [string, Guide]))("%s", (_name, guide) => {
  const blocks = guideCodeBlocks(guide.markdown);
  const labels = guide.labels as GuideLabels;

  it("has a labels file in the documented format", () => {
    expect(guide.labelProblem).toBeUndefined();
  });

  it.runIf(labels)("labels every code block once, at its opening line", () => {
    const opening = new Set(blocks.map((b) => b.line));
    const labelled = labels.blocks.map((b) => b.line);
    expect({
      notAnOpeningLine: labelled.filter((l) => !opening.has(l)).map((l) => context(guide.markdown, l)),
      unlabelled: blocks.filter((b) => !labelled.includes(b.line)).map((b) => context(guide.markdown, b.line)),
      labelledTwice: labelled.filter((l, i) => labelled.indexOf(l) !== i),
    }).toEqual({ notAnOpeningLine: [], unlabelled: [], labelledTwice: [] });
  });

  it.runIf(labels)("quotes every error line as the guide prints it", () => {
    expect(labels.errors.filter((e) => !guide.markdown.includes(e))).toEqual([]);
    expect(labels.errors.filter((e, i) => labels.errors.indexOf(e) !== i)).toEqual([]);
  });

  it.runIf(labels)("finds each placeholder in its own block", () => {
    const lines = guide.markdown.split("\n");
    const misplaced = labels.blocks.flatMap((label) => {
      const block = blocks.find((b) => b.line === label.line);
      const body = block ? lines.slice(block.line - 1, block.endLine).join("\n") : "";
      return (label.placeholders ?? []).filter((p) => !body.includes(p)).map((p) => `${label.line}: ${p}`);
    });
    expect(misplaced).toEqual([]);
  });

  it("finds the blocks a Markdown parser finds", () => {
    const hugo = blocks.filter((b) => b.kind === "hugo");
    const plain = blocks.filter((b) => b.kind !== "hugo" && !b.inDirective).map((b) => b.line);
    expect(plain).toEqual(parserBlockLines(guide.markdown, hugo));
  });
});

describe("guideCodeBlocks", () => {
  const lines = (md: string) => guideCodeBlocks(md).map((b) => [b.line, b.kind, b.lang]);

  it("finds fences behind list markers, quotes and indentation, with ``` or ~~~", () => {
    const md = [
      "1. Run:",
      "",
      "   ```bash",
      "   ls",
      "   ```",
      "",
      "> ~~~sh",
      "> pwd",
      "> ~~~",
      "",
      "- ```",
      "  x",
      "  ```",
    ];
    expect(lines(md.join("\n"))).toEqual([
      [3, "fence", "bash"],
      [7, "fence", "sh"],
      [11, "fence", ""],
    ]);
  });

  it("does not look inside a fence, and closes it only with a long enough fence", () => {
    const md = ["````md", "```bash", "ls", "```", "````", "```", "# not a heading", "```"];
    expect(lines(md.join("\n"))).toEqual([
      [1, "fence", "md"],
      [6, "fence", ""],
    ]);
  });

  it("reads Hugo shortcodes and MyST code-block directives, and looks inside MyST admonitions", () => {
    const md = [
      "{{< highlight bash >}}",
      "ls",
      "{{< /highlight >}}",
      "```{code-block} shell",
      "pwd",
      "```",
      "````{note}",
      "Text",
      "```bash",
      "id",
      "```",
      "````",
    ];
    const found = guideCodeBlocks(md.join("\n"));
    expect(found.map((b) => [b.line, b.endLine, b.kind, b.lang, b.inDirective])).toEqual([
      [1, 3, "hugo", "bash", false],
      [4, 6, "fence", "shell", false],
      [9, 11, "fence", "bash", true],
    ]);
  });

  it("takes indented code after a blank line, but not a list item's continuation", () => {
    const md = ["Text", "", "    $ ls", "    out", "", "- item", "", "    continued", "", "Para", "", "    code"];
    expect(lines(md.join("\n"))).toEqual([
      [3, "indented", ""],
      [12, "indented", ""],
    ]);
  });

  it("skips front matter and HTML comments", () => {
    const md = [
      "+++",
      'title = "x"',
      "    indented = true",
      "+++",
      "<!--",
      "```bash",
      "ls",
      "```",
      "-->",
      "~~~",
      "~~~",
    ];
    expect(lines(md.join("\n"))).toEqual([[10, "fence", ""]]);
  });
});
