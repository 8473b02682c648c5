import fc from "fast-check";
import type { Code, Nodes, Root } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { describe, expect, it } from "vitest";
import { nodeText } from "@/lib/markdown/node-text";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import { normaliseDialects, normaliseTree } from "./dialects";
import { defuseMarkdownTree, parseMarkdown } from "./markdown-to-mdx";
import { renderPlaybookDraft } from "./playbook-draft";

/** The importer's order: text rewrites, parse, tree rewrites. */
function normalise(markdown: string) {
  const source = normaliseDialects(markdown);
  const tree = parseMarkdown(source.markdown);
  const notes = [...source.notes];
  normaliseTree(tree, notes);
  return { ...source, tree, notes };
}

function all(tree: Nodes, test: (n: Nodes) => boolean): Nodes[] {
  const found: Nodes[] = test(tree) ? [tree] : [];
  if ("children" in tree) for (const c of tree.children as Nodes[]) found.push(...all(c, test));
  return found;
}

const codes = (tree: Root) => all(tree, (n) => n.type === "code") as Code[];
const callouts = (tree: Root) =>
  all(tree, (n) => n.type === "mdxJsxFlowElement" && n.name === "Callout") as MdxJsxFlowElement[];
const attr = (el: MdxJsxFlowElement, name: string) =>
  el.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name)?.value;
const text = (tree: Nodes) => nodeText(tree);
const lines = (...ls: string[]) => ls.join("\n");

describe("normaliseDialects keeps every line where it was", () => {
  it("reports a code block after frontmatter and shortcodes at its line in the original file", () => {
    const md = lines(
      "---", //              1
      'title: "Troubleshooting"',
      "weight: 20",
      "---",
      "", //                 5
      "{{< note >}}",
      "Read the {{< glossary_tooltip text='logs' term_id='log' >}} first.",
      "{{< /note >}}",
      "",
      "{{< highlight bash >}}", // 10
      "journalctl -u kubelet",
      "{{< /highlight >}}",
      "",
      "```shell", //         14
      "kubectl get pods",
      "```",
    );
    const { markdown, tree } = normalise(md);
    expect(markdown.split("\n")).toHaveLength(md.split("\n").length);
    const [highlight, shell] = codes(tree);
    expect(highlight).toMatchObject({ lang: "bash", value: "journalctl -u kubelet" });
    expect(highlight?.position?.start.line).toBe(10);
    expect(shell?.position?.start.line).toBe(14);
    expect(callouts(tree)[0]?.position?.start.line).toBe(6);
  });

  it("reads Windows line endings the same way", () => {
    const md = lines("{{< note >}}", "Body.", "{{< /note >}}", "", "```bash", "ls", "```").replace(/\n/g, "\r\n");
    const { tree, markdown } = normalise(md);
    expect(markdown.split("\n")).toHaveLength(7);
    expect(callouts(tree).map(text)).toEqual(["Body."]);
    expect(codes(tree)[0]).toMatchObject({ value: "ls", position: { start: { line: 5 } } });
  });

  it("never changes the line count, whatever the mix of dialects", () => {
    const pool = [
      "{{< note >}}",
      "{{< /note >}}",
      '{{% alert title="x" %}}',
      "{{% /alert %}}",
      "{{< highlight sh >}}",
      "{{< /highlight >}}",
      "```{note}",
      "```{code-block} bash",
      ":caption: x",
      "```",
      "````",
      ":::tip Title",
      ":::{warning}",
      ":::",
      '!!! note "T"',
      "    body",
      '=== "Tab"',
      ".. note::",
      "   indented",
      "> [!NOTE]",
      "(label)=",
      "---",
      "+++",
      'title = "x"',
      "<details>",
      "<summary>S</summary>",
      "</details>",
      "[[_TOC_]]",
      "<!-- toc -->",
      "<!-- tocstop -->",
      ">>>",
      "{{< glossary_tooltip",
      'text="a" >}} tail',
      "",
      "plain text",
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), fc.string()), { maxLength: 40 }), (ls) => {
        const md = ls.join("\n");
        const { markdown } = normaliseDialects(md);
        expect(markdown.split("\n")).toHaveLength(md.split("\n").length);
        normaliseTree(parseMarkdown(markdown), []);
      }),
      { numRuns: 300 },
    );
  });
});

describe("frontmatter", () => {
  it("reads YAML and blanks its lines", () => {
    const md = lines(
      "---",
      "title: Debug Pods",
      "description: How to find out why a Pod fails.",
      "tags: [k8s, pods]",
      "---",
      "Body.",
    );
    const { markdown, frontmatter, notes } = normaliseDialects(md);
    expect(frontmatter).toEqual({
      title: "Debug Pods",
      description: "How to find out why a Pod fails.",
      tags: ["k8s", "pods"],
    });
    expect(markdown).toBe("\n\n\n\n\nBody.");
    expect(notes[0]).toMatchObject({ line: 1, message: expect.stringContaining("YAML frontmatter") });
  });

  it("takes summary and keywords when description and tags are missing, and a comma list of keywords", () => {
    const { frontmatter } = normaliseDialects(lines("---", "summary: Short.", "keywords: dns, network", "---"));
    expect(frontmatter).toEqual({ description: "Short.", tags: ["dns", "network"] });
  });

  it("still reads the simple keys of YAML that does not parse", () => {
    const { frontmatter, markdown } = normaliseDialects(
      lines("---", "title: Errors: and fixes", "bad: [unclosed", "---", "x"),
    );
    expect(frontmatter.title).toBe("Errors: and fixes");
    expect(markdown).toBe("\n\n\n\nx");
  });

  it("reads TOML, with escapes, multi-line arrays and tables after the top level", () => {
    const md = lines(
      "+++",
      'title = "Known \\"issues\\""',
      "description = 'Literal \\n text'",
      "tags = [",
      '  "ci", # a comment',
      '  "runner",',
      "]",
      "weight = 20",
      "date = 2024-01-02T10:00:00Z",
      "[params]",
      'title = "not this one"',
      "+++",
      "Body",
    );
    const { frontmatter, markdown } = normaliseDialects(md);
    expect(frontmatter).toEqual({ title: 'Known "issues"', description: "Literal \\n text", tags: ["ci", "runner"] });
    expect(
      markdown
        .split("\n")
        .slice(0, 12)
        .every((l) => l === ""),
    ).toBe(true);
  });

  it("leaves a pair of rules around prose alone", () => {
    const md = lines("---", "Just a paragraph between rules.", "---", "");
    expect(normaliseDialects(md)).toMatchObject({ markdown: md, frontmatter: {} });
  });
});

describe("Hugo shortcodes", () => {
  it("turns admonition shortcodes into callouts of the right type and title", () => {
    const { tree } = normalise(
      lines(
        '{{% alert title="Careful" color="warning" %}}',
        "Deleting the namespace deletes its pods.",
        "{{% /alert %}}",
        "",
        "{{< caution >}}",
        "Back up first.",
        "{{< /caution >}}",
        "",
        '{{< notice danger "Data loss" >}}',
        "This wipes the volume.",
        "{{< /notice >}}",
        "",
        "{{< hint info >}}",
        "A hint.",
        "{{< /hint >}}",
      ),
    );
    const found = callouts(tree).map((c) => [attr(c, "type"), attr(c, "title"), text(c)]);
    expect(found).toEqual([
      ["warning", "Careful", "Deleting the namespace deletes its pods."],
      ["warning", undefined, "Back up first."],
      ["danger", "Data loss", "This wipes the volume."],
      ["info", undefined, "A hint."],
    ]);
  });

  it("keeps a code block inside a note as a code node at its line", () => {
    const { tree } = normalise(
      lines("{{< note >}}", "Run:", "", "```shell", "kubectl logs pod", "```", "{{< /note >}}"),
    );
    const [note] = callouts(tree);
    expect(attr(note!, "type")).toBe("info");
    const [code] = codes(tree);
    expect(code).toMatchObject({ lang: "shell", value: "kubectl logs pod" });
    expect(code?.position?.start.line).toBe(4);
  });

  it("handles text on the opener's line and a shortcode pair on one line", () => {
    const { tree } = normalise(
      lines(
        "{{< warning >}}Stop the service",
        "before you upgrade.",
        "{{< /warning >}}",
        "",
        "{{< note >}}One line.{{< /note >}}",
      ),
    );
    expect(callouts(tree).map((c) => [attr(c, "type"), text(c)])).toEqual([
      ["warning", "Stop the service\nbefore you upgrade."],
      ["info", "One line."],
    ]);
  });

  it("turns highlight and code shortcodes into fenced code of their language", () => {
    const { tree } = normalise(
      lines(
        '{{< highlight go "linenos=table" >}}',
        "fmt.Println(1)",
        "{{< /highlight >}}",
        "",
        '{{< code lang="bash" file="fix.sh" >}}',
        "```not a fence",
        "{{< /code >}}",
        "",
        '{{< code file="config.yaml" >}}',
        "a: 1",
        "{{< /code >}}",
      ),
    );
    expect(codes(tree).map((c) => [c.lang, c.value, c.position?.start.line])).toEqual([
      ["go", "fmt.Println(1)", 1],
      ["bash", "```not a fence", 5],
      ["yaml", "a: 1", 9],
    ]);
  });

  it("replaces inline shortcodes by their text, also across lines", () => {
    const md = lines(
      'A {{< glossary_tooltip text="Pod" term_id="pod" >}} runs. See [the docs]({{< ref "/docs/debug.md" >}}).',
      "The parameter must be supported by the {{< glossary_tooltip",
      'text="container runtime" term_id="container-runtime" >}}. When not,',
      'it fails. {{< feature-state state="stable" >}}',
      '## {{% heading "prerequisites" %}}',
    );
    const { tree, markdown, notes } = normalise(md);
    expect(markdown.split("\n")).toHaveLength(5);
    expect(text(tree)).toContain("A Pod runs. See the docs.");
    expect(text(tree)).toContain("supported by the\ncontainer runtime. When not,\nit fails.");
    expect(all(tree, (n) => n.type === "link")[0]).toMatchObject({ url: "/docs/debug.md" });
    expect(all(tree, (n) => n.type === "heading").map(text)).toEqual(["Before you begin"]);
    expect(notes.filter((n) => n.message.includes("glossary_tooltip"))).toEqual([
      { line: 1, message: "Hugo shortcode {{< glossary_tooltip >}} became its text (2 times; the first is here)" },
    ]);
  });

  it("keeps tab names as bold labels and turns Docsy tabs with a language into code", () => {
    const { tree } = normalise(
      lines(
        '{{< tabs name="os" >}}',
        '{{% tab name="Linux" %}}',
        "```bash",
        "journalctl -xe",
        "```",
        "{{% /tab %}}",
        "{{< /tabs >}}",
        "",
        "{{< tabpane >}}",
        '{{< tab header="macOS" lang="bash" >}}',
        "log show --last 5m",
        "{{< /tab >}}",
        "{{< /tabpane >}}",
      ),
    );
    expect(all(tree, (n) => n.type === "strong").map(text)).toEqual(["Linux"]);
    expect(codes(tree).map((c) => [c.lang, c.value])).toEqual([
      ["bash", "journalctl -xe"],
      ["bash", "log show --last 5m"],
    ]);
    expect(text(tree)).not.toContain("{{");
  });

  it("leaves shortcodes inside code, inline code and Hugo's own escape as written", () => {
    const md = lines("```text", "{{< note >}}", "```", "", "Write `{{< note >}}` or {{</* note */>}} to show it.");
    const { tree } = normalise(md);
    expect(codes(tree)[0]?.value).toBe("{{< note >}}");
    expect(text(tree)).toContain("Write {{< note >}} or {{< note >}} to show it.");
    expect(callouts(tree)).toHaveLength(0);
  });

  it("leaves code in a quoted fence alone, and only until the quote ends", () => {
    const md = lines("> ```text", "> {{< note >}}", "Outside, {{< glossary_tooltip text='rewritten' >}}.", "```");
    const { tree } = normalise(md);
    expect(codes(tree)[0]?.value).toBe("{{< note >}}");
    expect(text(tree)).toContain("Outside, rewritten.");
  });

  it("ignores an opener that is never closed", () => {
    const { tree } = normalise(lines("{{< note >}}", "", "Rest of the guide."));
    expect(callouts(tree)).toHaveLength(0);
    expect(text(tree)).toBe("Rest of the guide.");
  });
});

describe("MyST and Sphinx", () => {
  it("removes (target)= labels and turns roles into their text", () => {
    const { tree } = normalise(
      lines(
        "(pods-pending)=",
        "## Pending pods",
        "",
        "See {ref}`the setup <setup>`, {doc}`install`, run {command}`make check`; `echo ${HOME}` stays.",
      ),
    );
    expect(text(tree)).toBe("Pending podsSee the setup, install, run make check; echo ${HOME} stays.");
    expect(all(tree, (n) => n.type === "inlineCode").map(text)).toEqual(["make check", "echo ${HOME}"]);
  });

  it("turns admonition directives, backtick and colon fenced, into callouts", () => {
    const { tree } = normalise(
      lines(
        "```{warning}",
        "Back up first.",
        "```",
        "",
        ":::{tip}",
        "Use `--dry-run`.",
        ":::",
        "",
        "```{admonition} Disk full",
        ":class: danger",
        "",
        "Free some space.",
        "```",
        "",
        "```{important} The argument is the first line.",
        "```",
      ),
    );
    expect(callouts(tree).map((c) => [attr(c, "type"), attr(c, "title"), text(c)])).toEqual([
      ["warning", undefined, "Back up first."],
      ["tip", undefined, "Use --dry-run."],
      ["danger", "Disk full", "Free some space."],
      ["info", undefined, "The argument is the first line."],
    ]);
  });

  it("turns code-block, code and code-cell directives into fences, dropping their option lines", () => {
    const md = lines(
      "```{code-block} bash", // 1
      ":caption: Check the service",
      ":linenos:",
      "systemctl status app",
      "```",
      "",
      "```{code-cell} ipython3", // 7
      "---",
      "tags: [hide-input]",
      "---",
      "print(1)",
      "```",
    );
    const { tree, markdown } = normalise(md);
    expect(markdown.split("\n")).toHaveLength(12);
    expect(codes(tree).map((c) => [c.lang, c.value.trim(), c.position?.start.line])).toEqual([
      ["bash", "systemctl status app", 1],
      ["ipython3", "print(1)", 7],
    ]);
    expect(text(tree)).not.toContain("caption");
  });

  it("keeps code nested in a four-backtick directive as code", () => {
    const { tree } = normalise(lines("````{note}", "Check the version:", "```bash", "app --version", "```", "````"));
    const [note] = callouts(tree);
    expect(note?.children.map((c) => c.type)).toEqual(["paragraph", "code"]);
    expect(codes(tree)[0]).toMatchObject({ lang: "bash", value: "app --version" });
  });

  it("drops toctree and image directives and unwraps dropdowns under a bold title", () => {
    const { tree } = normalise(
      lines(
        "```{toctree}",
        ":maxdepth: 2",
        "install",
        "```",
        "",
        ":::{dropdown} Full log",
        "Error: boom",
        ":::",
        "",
        "```{image} logo.png",
        "```",
      ),
    );
    expect(text(tree)).toBe("Full log\nError: boom");
    expect(all(tree, (n) => n.type === "strong").map(text)).toEqual(["Full log"]);
  });

  it("leaves out an admonition whose only content was left out", () => {
    const { tree } = normalise(lines("```{note}", "```{toctree}", "install", "```", "```", "", "After."));
    expect(callouts(tree)).toEqual([]);
    expect(text(tree)).toBe("After.");
  });

  it("reads Sphinx .. note:: and .. code-block:: with indented bodies", () => {
    const md = lines(
      ".. warning::",
      "   Stop the agent first.",
      "",
      ".. code-block:: console",
      "   :linenos:",
      "",
      "   $ agent stop",
      "",
      "After.",
    );
    const { tree } = normalise(md);
    expect(callouts(tree).map((c) => [attr(c, "type"), text(c)])).toEqual([["warning", "Stop the agent first."]]);
    expect(codes(tree).map((c) => [c.lang, c.value.trim(), c.position?.start.line])).toEqual([
      ["console", "$ agent stop", 4],
    ]);
    expect(all(tree, (n) => n.type === "paragraph").map(text)).toContain("After.");
  });
});

describe("Docusaurus, VuePress, pandoc and MkDocs containers", () => {
  it("turns ::: admonitions into callouts with their titles", () => {
    const { tree } = normalise(
      lines(
        ":::tip Pro tip",
        "Use verbose mode.",
        ":::",
        "",
        ":::note[Heads up]",
        "Text.",
        ":::",
        "",
        "::: warning",
        "VuePress style.",
        ":::",
        "",
        "::: {.callout-caution}",
        "Quarto style.",
        ":::",
        "",
        "/// danger | Irreversible",
        "Blocks style.",
        "///",
      ),
    );
    expect(callouts(tree).map((c) => [attr(c, "type"), attr(c, "title"), text(c)])).toEqual([
      ["tip", "Pro tip", "Use verbose mode."],
      ["info", "Heads up", "Text."],
      ["warning", undefined, "VuePress style."],
      ["warning", undefined, "Quarto style."],
      ["danger", "Irreversible", "Blocks style."],
    ]);
  });

  it("nests a callout in a callout", () => {
    const { tree } = normalise(lines("::::warning Outer", "Outer text.", ":::tip", "Inner text.", ":::", "::::"));
    const [outer, inner] = callouts(tree);
    expect(attr(outer!, "type")).toBe("warning");
    expect(attr(inner!, "type")).toBe("tip");
    expect(outer?.children).toContain(inner);
  });

  it("does not let an unclosed ::: swallow the guide", () => {
    const { tree } = normalise(lines(":::note", "", "## Next problem", "Text."));
    expect(callouts(tree)).toHaveLength(0);
    expect(all(tree, (n) => n.type === "heading").map(text)).toEqual(["Next problem"]);
  });

  it("reads MkDocs admonitions and content tabs, whose bodies are indented", () => {
    const md = lines(
      '!!! warning "Slow start"', // 1
      "    The first run is slow.",
      "",
      "    ```bash",
      "    app warmup",
      "    ```",
      "",
      "After the admonition.",
      "",
      '=== "Ubuntu"', // 10
      "",
      "    ```bash",
      "    sudo apt install app",
      "    ```",
    );
    const { tree } = normalise(md);
    const [warning] = callouts(tree);
    expect([attr(warning!, "type"), attr(warning!, "title")]).toEqual(["warning", "Slow start"]);
    expect(codes(tree).map((c) => [c.value, c.position?.start.line])).toEqual([
      ["app warmup", 4],
      ["sudo apt install app", 12],
    ]);
    expect(tree.children.map((c) => c.type)).toEqual(["mdxJsxFlowElement", "paragraph", "paragraph", "code"]);
  });
});

describe("GitHub alerts and quotes", () => {
  it.each([
    ["NOTE", "info"],
    ["TIP", "tip"],
    ["IMPORTANT", "info"],
    ["WARNING", "warning"],
    ["CAUTION", "warning"],
    ["danger", "danger"],
  ])("> [!%s] becomes a %s callout", (marker, type) => {
    const { tree } = normalise(lines(`> [!${marker}]`, "> Mind the **gap**."));
    const [callout] = callouts(tree);
    expect(attr(callout!, "type")).toBe(type);
    expect(text(callout!)).toBe("Mind the gap.");
  });

  it("reads a title after the marker (GitLab, Obsidian) and the older **Note** and Note: forms", () => {
    const { tree } = normalise(
      lines(
        "> [!warning] Disk space",
        "> Keep 10 GB free.",
        "",
        "> **Note**",
        "> Old style.",
        "",
        "> ⚠️ **Warning:** emoji first.",
        "",
        "> NOTE: plain label.",
      ),
    );
    expect(callouts(tree).map((c) => [attr(c, "type"), attr(c, "title"), text(c)])).toEqual([
      ["warning", "Disk space", "Keep 10 GB free."],
      ["info", undefined, "Old style."],
      ["warning", undefined, "emoji first."],
      ["info", undefined, "plain label."],
    ]);
  });

  it("leaves ordinary quotes and quoted errors alone", () => {
    const { tree } = normalise(
      lines("> Error: connection refused", "", "> **Error:** the daemon is down", "", "> Notes matter."),
    );
    expect(callouts(tree)).toHaveLength(0);
    expect(all(tree, (n) => n.type === "blockquote")).toHaveLength(3);
  });

  it("converts an alert inside a list item and keeps its code", () => {
    const { tree } = normalise(
      lines("1. Restart:", "", "   > [!CAUTION]", "   > ```bash", "   > systemctl restart app", "   > ```"),
    );
    const [callout] = callouts(tree);
    expect(attr(callout!, "type")).toBe("warning");
    expect(codes(tree)[0]).toMatchObject({ value: "systemctl restart app" });
    expect(codes(tree)[0]?.position?.start.line).toBe(4);
  });
});

describe("HTML, images and tables of contents", () => {
  it("drops a logo, badges and comments, and keeps an HTML heading as a heading", () => {
    const md = lines(
      '<p align="center">',
      '  <img src="docs/logo.png" width="200">',
      "</p>",
      '<h1 align="center">Podman</h1>',
      "",
      "[![CI](https://img.shields.io/badge/ci-passing-green)](https://ci) ![logo](logo.svg)",
      "",
      "<!-- markdownlint-disable -->",
      "",
      "Podman runs containers.<br>No daemon needed.",
    );
    const { tree, notes } = normalise(md);
    expect(tree.children.map((c) => c.type)).toEqual(["heading", "paragraph"]);
    expect(tree.children[0]?.position?.start.line).toBe(4);
    expect(text(tree.children[1] as Nodes)).toBe("Podman runs containers.No daemon needed.");
    expect(all(tree, (n) => n.type === "break")).toHaveLength(1);
    expect(notes.some((n) => n.message.includes("images and badges"))).toBe(true);
  });

  it("unwraps <details> so the code in it is reachable, with its lines", () => {
    const md = lines(
      "<details>",
      "<summary>Show the error</summary>",
      "",
      "```",
      "Error: short-name resolution enforced",
      "```",
      "",
      "</details>",
      "",
      "<details><summary><b>How to fix</b></summary>", // 10
      "```bash",
      "podman pull docker.io/library/alpine",
      "```",
      "</details>",
    );
    const { tree } = normalise(md);
    expect(all(tree, (n) => n.type === "html")).toEqual([]);
    expect(all(tree, (n) => n.type === "strong").map(text)).toEqual(["Show the error", "How to fix"]);
    expect(codes(tree).map((c) => [c.value, c.position?.start.line])).toEqual([
      ["Error: short-name resolution enforced", 4],
      ["podman pull docker.io/library/alpine", 11],
    ]);
  });

  it("keeps <placeholders> and tables, turns <code> into inline code and <pre> into a code block", () => {
    const { tree } = normalise(
      lines(
        "Run kubectl logs <pod-name> or <code>podman ps</code>.",
        "",
        "<table><tr><td>x</td></tr></table>",
        "",
        '<pre><code class="language-bash">ls &amp;&amp; pwd</code></pre>',
      ),
    );
    expect(all(tree, (n) => n.type === "html").map(text)).toEqual(["<pod-name>", "<table><tr><td>x</td></tr></table>"]);
    expect(all(tree, (n) => n.type === "inlineCode").map(text)).toEqual(["podman ps"]);
    expect(codes(tree)[0]).toMatchObject({ lang: "bash", value: "ls && pwd" });
  });

  it("drops a Contents heading with its list, lists of in-page links and TOC markers", () => {
    const md = lines(
      "# Guide",
      "",
      "## Table of Contents",
      "",
      "- [Install](install.md)",
      "- [Problems](#problems)",
      "",
      "1. [Pods](#pods)",
      "   - [Pending](#pending)",
      "",
      "[[_TOC_]]",
      "",
      "<!-- toc -->",
      "- [Generated](#generated)",
      "<!-- tocstop -->",
      "",
      "- [A real link](https://example.com) about pods",
      "",
      "## Problems",
    );
    const { tree } = normalise(md);
    expect(tree.children.map((c) => [c.type, text(c as Nodes)])).toEqual([
      ["heading", "Guide"],
      ["list", "A real link about pods"],
      ["heading", "Problems"],
    ]);
  });
});

describe("Jekyll Liquid and MDX sites", () => {
  it("turns {% highlight %} into code and Liquid tags into their text or nothing", () => {
    const md = lines(
      "{% highlight bash linenos %}",
      "echo {{ site.title }}",
      "{% endhighlight %}",
      "",
      "See [install]({{ site.baseurl }}{% link docs/install.md %}).",
      "{% comment %}",
      "Not for readers.",
      "{% endcomment %}",
    );
    const { tree } = normalise(md);
    expect(codes(tree).map((c) => [c.lang, c.value, c.position?.start.line])).toEqual([
      ["bash", "echo {{ site.title }}", 1],
    ]);
    expect(all(tree, (n) => n.type === "link")[0]).toMatchObject({ url: "docs/install.md" });
    expect(text(tree)).not.toContain("Not for readers");
  });

  it("drops MDX imports and unwraps <Tabs>/<TabItem>, keeping the tab's label", () => {
    const md = lines(
      "import Tabs from '@theme/Tabs';",
      "",
      "<Tabs>",
      '<TabItem value="apt" label="Ubuntu">',
      "",
      "```bash",
      "sudo apt install app",
      "```",
      "",
      "</TabItem>",
      "</Tabs>",
      "",
      "Pull <IMAGE> and run <Name>.",
    );
    const { tree } = normalise(md);
    expect(all(tree, (n) => n.type === "strong").map(text)).toEqual(["Ubuntu"]);
    expect(codes(tree)[0]?.position?.start.line).toBe(6);
    expect(text(tree)).not.toContain("import");
    expect(all(tree, (n) => n.type === "html").map(text)).toEqual(["<IMAGE>", "<Name>"]);
  });
});

describe("notes", () => {
  it("records each block rewrite at its line and counts repeated inline ones", () => {
    const md = lines(
      "{{< note >}}",
      "x {{< glossary_tooltip text='a' >}} {{< glossary_tooltip text='b' >}}",
      "{{< /note >}}",
      "",
      "> [!TIP]",
      "> y",
    );
    const { notes } = normalise(md);
    expect(notes).toEqual([
      { line: 1, message: "Hugo shortcode {{< note >}} became a callout" },
      { line: 2, message: "Hugo shortcode {{< glossary_tooltip >}} became its text (2 times; the first is here)" },
      { line: 5, message: "alert [!TIP] became a callout" },
    ]);
  });
});

describe("the normalised tree as a playbook", () => {
  it("renders to MDX that passes the content check, callouts and their code included", async () => {
    const md = lines(
      "+++",
      'title = "Troubleshooting"',
      "+++",
      "",
      '{{% alert title="Before you start" color="warning" %}}',
      "Take a backup:",
      "",
      "<table><tr><td>size</td></tr></table>",
      "",
      "```bash",
      "tar czf backup.tgz /var/lib/app",
      "```",
      "{{% /alert %}}",
      "",
      ':::tip Don\'t "force" {it}',
      'A "quoted" tip with <placeholder> and {braces}.',
      ":::",
      "",
      "<details><summary>Logs</summary>",
      "",
      "```",
      "Error: disk full",
      "```",
      "</details>",
    );
    const { tree } = normalise(md);
    defuseMarkdownTree(tree);
    const mdx = renderPlaybookDraft({
      slug: "app",
      title: "App troubleshooting",
      summary: "Fixes for the app.",
      tags: [],
      symptoms: [],
      blocks: [{ kind: "nodes", nodes: tree.children }],
    });
    expect(mdx).toContain('<Callout type="warning" title="Before you start">');
    expect(mdx).toContain('<Callout type="tip" title="Don\'t &#x22;force&#x22; {it}">');
    expect(mdx).toContain("tar czf backup.tgz /var/lib/app");
    const checked = await checkPlaybook("content/app.mdx", mdx);
    expect(checked.errors).toEqual([]);
  });
});
