import { describe, expect, it } from "vitest";
import { normaliseDialects, normaliseTree } from "./dialects";
import { parseMarkdown } from "./markdown-to-mdx";
import { chooseSummary, chooseTitle, cutSummary, isGenericTitle, projectName } from "./title-summary";

/** The importer's order, then the top-level nodes a summary is chosen from. */
function nodesOf(markdown: string) {
  const source = normaliseDialects(markdown);
  const tree = parseMarkdown(source.markdown);
  normaliseTree(tree, []);
  return { nodes: tree.children, frontmatter: source.frontmatter };
}

describe("isGenericTitle", () => {
  it.each([
    "Troubleshooting",
    "Troubleshooting Guide",
    "troubleshooting.md",
    "FAQ",
    "Frequently Asked Questions",
    "Known Issues",
    "Common problems",
    "Common Errors and Solutions",
    "Contents",
    "Table of Contents",
    "README",
    "Docs",
    "Help",
    "Debugging",
    "Overview",
    "Index",
    "Introduction",
    "Troubleshooting Overview",
    "FAQ & Troubleshooting",
    "🔧 Troubleshooting",
    "1. Troubleshooting",
    "",
  ])("%j is generic", (title) => expect(isGenericTitle(title)).toBe(true));

  it.each([
    "Podman troubleshooting",
    "Troubleshooting Podman",
    "Debug Running Pods",
    "DNS issues",
    "Pod stuck in Pending",
    "Installation FAQ",
  ])("%j is specific", (title) => expect(isGenericTitle(title)).toBe(false));
});

describe("projectName", () => {
  const none = { frontmatter: {}, text: "" };

  it.each([
    ["podman/docs/troubleshooting.md", "podman"],
    ["containers/podman/troubleshooting.md", "podman"],
    ["guides/podman-troubleshooting.md", "podman"],
    ["bench/import/guides/dev/cert-manager_faq.md", "cert-manager"],
    ["troubleshooting-k3s.md", "k3s"],
    ["kubernetes/website/content/en/docs/troubleshooting.md", "kubernetes"],
    ["ray/doc/source/v2.1/troubleshooting.md", "ray"],
    ["C:\\src\\gitea\\docs\\faq.md", "gitea"],
    ["nginx-docs/README.md", "nginx"],
    ["/home/alice/notes/troubleshooting.md", null],
    ["docs/en/troubleshooting.md", null],
    ["troubleshooting.md", null],
  ])("%s → %s", (file, project) => {
    // A directory names the project only when the guide does too.
    const text = "Problems with podman, cert-manager, k3s, kubernetes, ray, gitea and nginx, and fixes.";
    expect(projectName({ file, frontmatter: {}, text })).toBe(project);
  });

  it("does not take a directory the guide never names for its project", () => {
    expect(projectName({ file: "/tmp/tt/nested/troubleshooting.md", ...none })).toBeNull();
    expect(projectName({ file: "checkout-x3f9/docs/faq.md", frontmatter: {}, text: "Podman fails." })).toBeNull();
    // A docs site's section is named for what the reader does there, and the guide uses the word too.
    const text = "If you are using a volume, the user must own it.";
    expect(projectName({ file: "docs/using/troubleshooting.md", frontmatter: {}, text })).toBeNull();
    expect(projectName({ file: "site/content/docs/user/known-issues.md", frontmatter: {}, text })).toBeNull();
  });

  it("takes the file name's leading words when the prose names them", () => {
    const text = "Drivers fail in odd ways. Start minikube with --alsologtostderr to see why.";
    expect(projectName({ file: "guides/minikube-drivers.md", frontmatter: {}, text })).toBe("minikube");
    expect(projectName({ file: "guides/acme-widget-errors.md", frontmatter: {}, text: "The Acme Widget fails." })).toBe(
      "Acme Widget",
    );
    expect(projectName({ file: "guides/debug-pods.md", frontmatter: {}, text: "Debug pods." })).toBeNull();
  });

  it("falls back to the frontmatter's project, then to the first heading", () => {
    expect(projectName({ file: "docs/faq.md", frontmatter: { project: "Buildah" }, text: "" })).toBe("Buildah");
    expect(projectName({ frontmatter: {}, text: "# Skopeo FAQ\n\n## Why\n" })).toBe("Skopeo");
    expect(projectName({ frontmatter: {}, text: "# FAQ\n\n## Network issues\n" })).toBeNull();
    expect(projectName({ frontmatter: {}, text: "```\n# Fake FAQ\n```\n" })).toBeNull();
  });

  it("spells the name the way the guide's prose does, not its commands", () => {
    const text = [
      "Podman runs rootless. `podman ps` lists containers.",
      "",
      "```",
      "podman info",
      "podman images",
      "```",
      "Podman is daemonless.",
    ].join("\n");
    expect(projectName({ file: "podman/troubleshooting.md", frontmatter: {}, text })).toBe("Podman");
    expect(projectName({ file: "containerd/faq.md", frontmatter: {}, text: "Is containerd running?" })).toBe(
      "containerd",
    );
  });
});

describe("chooseTitle", () => {
  const base = { frontmatter: {}, text: "" };

  it("keeps a specific title, the frontmatter's first", () => {
    expect(chooseTitle({ ...base, heading: "Debug Running Pods" })).toBe("Debug Running Pods");
    expect(chooseTitle({ ...base, heading: "Troubleshooting", frontmatter: { title: "Fix DNS lookups" } })).toBe(
      "Fix DNS lookups",
    );
    expect(chooseTitle({ ...base, heading: "🐳 Docker networking {#net}" })).toBe("Docker networking");
  });

  it("names the project when the title is generic", () => {
    const file = "podman/docs/troubleshooting.md";
    const text = "Podman can fail when…";
    expect(chooseTitle({ heading: "Troubleshooting", frontmatter: {}, file, text })).toBe("Podman troubleshooting");
    expect(chooseTitle({ heading: "Table of Contents", frontmatter: {}, file, text })).toBe("Podman troubleshooting");
    expect(chooseTitle({ heading: null, frontmatter: {}, file, text })).toBe("Podman troubleshooting");
    expect(chooseTitle({ heading: "Known issues", frontmatter: {}, file, text })).toBe("Podman: Known issues");
    expect(chooseTitle({ heading: "FAQ", frontmatter: {}, file: "guides/buildah-faq.md", text: "" })).toBe(
      "buildah: FAQ",
    );
  });

  it("gives three generic guides of three projects three titles", () => {
    const titles = ["podman/TROUBLESHOOTING.md", "ray/docs/troubleshooting.md", "kind/site/content/docs/faq.md"].map(
      (file) => chooseTitle({ heading: "Troubleshooting", frontmatter: {}, file, text: "podman, ray and kind" }),
    );
    expect(new Set(titles).size).toBe(3);
  });

  it("adds the project to a title that is its kind and a word or two", () => {
    const text = "Start minikube with a driver. The minikube VM may fail.";
    const opts = { frontmatter: {}, file: "site/minikube-drivers.md", text };
    expect(chooseTitle({ ...opts, heading: "Troubleshooting drivers" })).toBe("minikube: Troubleshooting drivers");
    expect(chooseTitle({ ...opts, heading: "Minikube driver FAQ" })).toBe("Minikube driver FAQ");
    expect(chooseTitle({ ...opts, heading: "Drivers that cannot reach the VM network" })).toBe(
      "Drivers that cannot reach the VM network",
    );
  });

  it("keeps the topic words of a file named after the project", () => {
    const text = "Rootless Podman needs subuids.";
    expect(chooseTitle({ heading: "Troubleshooting", frontmatter: {}, file: "podman-rootless.md", text })).toBe(
      "Podman rootless troubleshooting",
    );
  });

  it("uses the file name's words when there is no project, and a fallback when there is nothing", () => {
    expect(chooseTitle({ ...base, heading: "Troubleshooting", file: "guides/kubernetes-pods.md" })).toBe(
      "Kubernetes pods troubleshooting",
    );
    expect(chooseTitle({ ...base, heading: "FAQ", file: "docs/troubleshooting.md" })).toBe("FAQ");
    expect(chooseTitle({ ...base, heading: "Troubleshooting", file: "tasks/debug-pods.md" })).toBe(
      "Debug pods troubleshooting",
    );
    expect(chooseTitle({ ...base, heading: null })).toBe("Imported troubleshooting guide");
  });
});

describe("chooseSummary", () => {
  it("skips a logo, badges, HTML comments and a table of contents", () => {
    const md = [
      "<!-- markdownlint-disable MD041 -->",
      '<p align="center"><img src="logo.png" alt="Tool logo"></p>',
      "",
      "![Tool](docs/logo.svg)",
      "",
      "[![CI](https://img.shields.io/badge/ci-green)](https://ci) [![Docs](https://img.shields.io/badge/docs-blue)](https://d)",
      "",
      "# Troubleshooting",
      "",
      "[Home](../README.md) | [Install](install.md) | [FAQ](faq.md)",
      "",
      "[[_TOC_]]",
      "",
      "## Contents",
      "- [Pods](#pods)",
      "",
      "This guide covers the errors people hit most when running the tool on a laptop.",
    ].join("\n");
    const { nodes, frontmatter } = nodesOf(md);
    expect(chooseSummary(nodes, frontmatter)).toBe(
      "This guide covers the errors people hit most when running the tool on a laptop.",
    );
  });

  it("skips such paragraphs even in a tree that was not normalised", () => {
    const tree = parseMarkdown(
      [
        "![logo](logo.png)",
        "",
        "[![b](https://img.shields.io/x)](y)",
        "",
        "[[_TOC_]]",
        "",
        "Run this:",
        "",
        "Real prose starts here, finally.",
      ].join("\n"),
    );
    expect(chooseSummary(tree.children, {})).toBe("Real prose starts here, finally.");
  });

  it("prefers the frontmatter description unless it is generic", () => {
    const { nodes } = nodesOf("Some first paragraph of prose here.");
    expect(chooseSummary(nodes, { description: "Fix pods that crash on start." })).toBe(
      "Fix pods that crash on start.",
    );
    expect(chooseSummary(nodes, { description: "Troubleshooting" })).toBe("Some first paragraph of prose here.");
  });

  it("uses a problem's label paragraph only when there is nothing else", () => {
    const { nodes } = nodesOf("## Pod pending\n\n**Symptom:** the pod stays Pending for minutes.\n");
    expect(chooseSummary(nodes, {})).toBe("Symptom: the pod stays Pending for minutes.");
    const withIntro = nodesOf(
      "**Symptom:** the pod stays Pending for minutes.\n\nThe scheduler could not place the pod.",
    );
    expect(chooseSummary(withIntro.nodes, {})).toBe("The scheduler could not place the pod.");
  });

  it("is null when the guide has no prose", () => {
    const { nodes } = nodesOf("# Troubleshooting\n\n```bash\nls\n```\n\n- item one\n");
    expect(chooseSummary(nodes, {})).toBeNull();
  });

  it("cuts a long summary at a sentence end within 300 characters", () => {
    const sentence = "This sentence is about forty-five characters. ";
    const long = sentence.repeat(10);
    const cut = chooseSummary(nodesOf(long).nodes, {});
    expect(cut?.length).toBeLessThanOrEqual(300);
    expect(cut?.endsWith("characters.")).toBe(true);
    // "e.g." ends no sentence: with no other sentence end in reach, the cut is at a word, with an ellipsis.
    const abbreviated = cutSummary(`${"a".repeat(50)} e.g. ${"x".repeat(260)}. More.`);
    expect(abbreviated).toBe(`${"a".repeat(50)} e.g.…`);
    const words = cutSummary("word ".repeat(100));
    expect(words.length).toBeLessThanOrEqual(300);
    expect(words.endsWith("word…")).toBe(true);
  });
});
