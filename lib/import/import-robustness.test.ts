// Any valid Markdown imports: documents assembled from the constructs real guides use (and mangle)
// never make the importer throw, and the draft always passes the playbook check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import { troubleshootingToPlaybook } from "./troubleshooting-to-playbook";

const LINES = [
  "# Troubleshooting",
  "## Problem: it fails",
  "### Solution",
  "Symptom:",
  "**Fix:** run this",
  "If you see `permission denied`, run:",
  "It should print `ok`:",
  "- item with `inline code` and {braces}",
  "1. first step:",
  "   ```bash",
  "   podman info",
  "   ```",
  "> [!WARNING]",
  "> Do not run this as root.",
  "> ```",
  "> # dnf install -y podman",
  "> ```",
  "```",
  "```console",
  "```sh",
  "```yaml",
  "```{warning}",
  "```{code-block} bash",
  ":::tip Title",
  ":::",
  "(target)=",
  "{{< note >}}",
  "{{< /note >}}",
  "{{< highlight bash >}}",
  "{{< /highlight >}}",
  "$ kubectl get pods",
  "# sysctl -w net.ipv4.ip_forward=1",
  "NAME   READY   STATUS             RESTARTS",
  "web-1  0/1     CrashLoopBackOff   5",
  "Error: failed to reserve container name",
  "user@host:~$ ssh user@host",
  "podman run -ti IMAGE sh",
  "uid=$(id -u)",
  'grep "$uid" /etc/subuid',
  "rm -rf /path/to/rootfs/...",
  "<details><summary>More</summary>",
  "</details>",
  "<!-- toc -->",
  "![logo](logo.png)",
  "<img src=x onerror=alert(1)>",
  "---",
  'title: "Troubleshooting"',
  "+++",
  "export the variable first",
  "import Tabs from '@theme/Tabs';",
  "| a | b |",
  "|---|---|",
  "",
  "",
];

const document = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.string() }), {
    maxLength: 40,
  })
  .map((lines) => lines.join("\n"));

describe("importing any Markdown", () => {
  it("never throws and always yields a draft that passes the playbook check", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (markdown) => {
        const { draft, mdx, report } = await troubleshootingToPlaybook(markdown, { file: "any.md" });
        const { errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
        expect(errors).toEqual([]);
        expect(report.slug).toBe(draft.slug);
      }),
      { numRuns: Number(process.env.CASEBOOK_FUZZ_SCALE ?? 1) * 60, seed: 82026 },
    );
  }, 120_000);

  it("keeps a guide whose nesting exhausts the Markdown parser, as text", async () => {
    const markdown = `# Deep\n\n${">".repeat(12_000)} quoted\n`;
    const { draft, mdx, report } = await troubleshootingToPlaybook(markdown, { file: "deep.md" });
    expect((await checkPlaybook(`content/${draft.slug}.mdx`, mdx)).errors).toEqual([]);
    expect(report.notes.map((n) => n.message).join(" ")).toMatch(/kept as prose/);
  });
});
