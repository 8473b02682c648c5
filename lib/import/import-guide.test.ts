// The importer end to end on a guide written the way real ones are: frontmatter, a logo, nested
// code, root prompts with output, error-only blocks, interactive commands, shared variables,
// placeholders, prose cues and a GitHub alert.
import { describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import { troubleshootingToPlaybook } from "./troubleshooting-to-playbook";

const GUIDE = `---
title: "Troubleshooting"
weight: 20
---

![logo](img/logo.png)

Rootless Podman problems and how to get out of them.

## 1) Containers cannot write to a bind mount

**Symptom:**

\`\`\`console
$ podman run --rm -v ./data:/data alpine touch /data/x
touch: cannot touch '/data/x': Permission denied
\`\`\`

1. Check the label on the directory:

   \`\`\`bash
   ls -dZ ./data
   \`\`\`

   It should print \`container_file_t\`.

2. Relabel it for the container:

   \`\`\`
   # chcon -Rt container_file_t ./data
   \`\`\`

## 2) The user has no subordinate IDs

\`\`\`
Error: cannot find UID/GID for user builder: no subuid ranges found for user "builder"
\`\`\`

Look up your ID, then the ranges:

\`\`\`bash
uid=$(id -u)
\`\`\`

\`\`\`bash
grep "$uid" /etc/subuid
\`\`\`

> [!WARNING]
> Editing the file by hand needs a migration afterwards.

Open a shell in the image to look around:

\`\`\`bash
podman run -ti IMAGE sh
\`\`\`

Add a range with \`sudo usermod --add-subuids 100000-165535 <user-name>\`:

\`\`\`bash
sudo usermod --add-subuids 100000-165535 <user-name>
\`\`\`
`;

describe("importing a guide written the way real ones are", async () => {
  const { draft, mdx, report } = await troubleshootingToPlaybook(GUIDE, {
    file: "containers/podman/troubleshooting.md",
  });
  const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
  const p = playbook as Playbook;
  const step = (needle: string) => p.steps.find((s) => s.code.includes(needle));

  it("passes the playbook check, with a specific title and a real summary", () => {
    expect(errors).toEqual([]);
    expect(p.title).toBe("Podman troubleshooting");
    expect(p.summary).toBe("Rootless Podman problems and how to get out of them.");
    expect(mdx).not.toContain("weight: 20");
    expect(mdx).toContain('<Callout type="warning"');
  });

  it("makes steps of commands in lists, and reads a `#` prompt as root", () => {
    expect(step("ls -dZ ./data")?.risk).toBe("read");
    const relabel = step("chcon -Rt")!;
    expect(relabel.code).toBe("chcon -Rt container_file_t ./data");
    expect(relabel.risk).toBe("change");
    expect(report.steps.find((s) => s.id === relabel.id)?.root).toBe(true);
  });

  it("turns error output into symptoms tied to the problem's first diagnostic step, never into steps", () => {
    expect(p.steps.some((s) => s.code.includes("Permission denied") || s.code.includes("cannot find UID"))).toBe(false);
    expect(p.symptomSteps["touch: cannot touch '/data/x': Permission denied"]).toBe(step("ls -dZ")?.id);
    expect(p.symptoms).toContain(
      'Error: cannot find UID/GID for user builder: no subuid ranges found for user "builder"',
    );
  });

  it("reads 'should print' as the check's expectation and links a failed check to its fix", () => {
    const check = step("ls -dZ ./data")!;
    expect(check.expect).toMatchObject({ match: "container_file_t" });
    expect(check.onFail).toBe(step("chcon -Rt")!.id);
  });

  it("joins a block that uses a variable set by the block before it", () => {
    expect(step('grep "$uid" /etc/subuid')?.code).toBe('uid=$(id -u)\ngrep "$uid" /etc/subuid');
  });

  it("keeps an interactive command as text to run by hand, and makes placeholders inputs", () => {
    expect(step("podman run -ti")).toBeUndefined();
    expect(p.body).toContain("Run this by hand");
    expect(step("usermod")?.code).toBe('sudo usermod --add-subuids 100000-165535 "${USER_NAME}"');
    expect(p.inputs.map((i) => i.name)).toContain("USER_NAME");
    expect(report.placeholders.map((x) => x.text)).toContain("<user-name>");
  });

  it("reports every code block with its source line and what became of it", () => {
    const byLine = new Map(report.blocks.map((b) => [b.line, b.decision.kind]));
    const line = (needle: string) => GUIDE.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(byLine.get(line("podman run --rm -v ./data") - 1)).toBe("step");
    expect(byLine.get(line("Error: cannot find UID") - 1)).toBe("symptoms");
    expect(byLine.get(line("podman run -ti") - 1)).toBe("prose");
  });
});

describe("risk after placeholders", () => {
  // Two guards hold this: a database client's commands are never placeholders, and a step never
  // declares less than the command as the guide wrote it.
  it("never declares less than the command as the guide wrote it", async () => {
    const md = "# Cache\n\n## Empty it\n\n```bash\ndocker exec cache redis-cli FLUSHALL\n```\n";
    const { draft } = await troubleshootingToPlaybook(md, { file: "cache.md" });
    const steps = draft.blocks.flatMap((b) => (b.kind === "step" ? [b.step] : []));
    expect(steps.map((s) => s.risk)).toEqual(["danger"]);
  });
});

describe("output a guide says a working command prints", () => {
  it("is the step's output, not symptoms, even when its lines sound like errors", async () => {
    const md = [
      "# Proxy trouble",
      "",
      "## See which CA file curl reads",
      "",
      "```bash",
      "curl -v https://git.example.org/ -o /dev/null",
      "```",
      "",
      "You should see something like:",
      "",
      "```",
      "* Couldn't find host git.example.org in the .netrc file; using defaults",
      "*   CAfile: /etc/ssl/certs/ca-certificates.crt",
      "```",
      "",
    ].join("\n");
    const { draft, report } = await troubleshootingToPlaybook(md, { file: "proxy.md" });
    expect(draft.symptoms).toEqual([]);
    expect(report.blocks.map((b) => b.decision.kind)).toEqual(["step", "expected-output"]);
  });
});

describe("symptoms of a section without steps", () => {
  const md = [
    "# Registry guide",
    "",
    "## Registry access",
    "",
    "Pulls fail with `x509: certificate signed by unknown authority` behind the proxy; ask the network team.",
    "",
    "## Pull failures",
    "",
    "Pulls stop with `Error: initializing source: manifest unknown: manifest unknown`.",
    "",
    "### Check the mirror",
    "",
    "```bash",
    "curl -sf https://mirror.example.com/v2/",
    "```",
    "",
    "## Error messages",
    "",
    "- `Error: writing blob: no space left on device`",
    "",
    "## Disk",
    "",
    "```bash",
    "df -h /var/lib/containers",
    "```",
  ].join("\n");

  it("leads on only to a step under it, or from a list of error messages to the next diagnosis", async () => {
    const { draft } = await troubleshootingToPlaybook(md, { file: "registry.md" });
    const byText = new Map(draft.symptoms.map((s) => (typeof s === "string" ? [s, null] : [s.text, s.step])));
    expect(byText.get("x509: certificate signed by unknown authority")).toBeNull();
    expect(byText.get("Error: initializing source: manifest unknown: manifest unknown")).toBe("check-the-mirror");
    expect(byText.get("Error: writing blob: no space left on device")).toBe("check-disk");
  });
});

describe("symptoms around commands", () => {
  it("takes a message shown in a command's comment, and not a sentence about the failure", async () => {
    const md = [
      "# Volumes",
      "",
      "## Writes fail",
      "",
      "### Symptom",
      "",
      "If you run the container as another user, you get an error: the write is refused.",
      "",
      "```bash",
      "touch /data/x",
      "# touch: cannot touch '/data/x': Permission denied",
      "```",
    ].join("\n");
    const { draft } = await troubleshootingToPlaybook(md, { file: "volumes.md" });
    const texts = draft.symptoms.map((s) => (typeof s === "string" ? s : s.text));
    expect(texts).toEqual(["touch: cannot touch '/data/x': Permission denied"]);
  });
});
