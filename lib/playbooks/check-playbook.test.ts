import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildContentIndex } from "./build-content-index";
import { checkPlaybook } from "./check-playbook";
import { formatContentError } from "./content-error";

// Four lines of frontmatter, then a blank line: the first step starts on line 6.
const HEAD = "---\ntitle: T\nsummary: S\n---\n\n";
const step = (attributes: string, code: string) => `<Step ${attributes}>\n\`\`\`bash\n${code}\n\`\`\`\n</Step>\n\n`;
const FIX_PERMS = step('id="fix-perms" title="Fix the permissions"', "sed -i 's/^umask 002/umask 022/' /etc/profile");

async function errorsOf(source: string): Promise<string[]> {
  const result = await checkPlaybook("content/x.mdx", source);
  expect(result.playbook).toBeUndefined();
  return result.errors.map(formatContentError);
}

describe("checkPlaybook: declared risk against the classifier", () => {
  it("refuses a step that declares a lower risk than its command has, naming file, line and reason", async () => {
    expect(await errorsOf(HEAD + FIX_PERMS)).toEqual([
      'content/x.mdx:6: Step "fix-perms" declares risk read, but the command changes the host: `sed -i` edits ' +
        'files in place (declare risk="change", or keep it and say why with riskReason="…")',
    ]);
  });

  it("calls a destructive command destructive", async () => {
    const source = HEAD + step('id="wipe" title="Wipe" risk="change"', "rm -rf /var/lib/etcd");
    expect(await errorsOf(source)).toEqual([
      'content/x.mdx:6: Step "wipe" declares risk change, but the command is destructive: `rm -r` outside a ' +
        'temporary directory deletes a whole tree, for good (declare risk="danger", or keep it and say why with ' +
        'riskReason="…")',
    ]);
  });

  it("reports every step's risk along with the file's other errors, in line order", async () => {
    const source = HEAD + FIX_PERMS + step('id="b" title="B" onPass="nowhere"', "reboot");
    const errors = await errorsOf(source);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^content\/x\.mdx:6: Step "fix-perms" declares risk read/);
    expect(errors[1]).toMatch(/^content\/x\.mdx:12: Step "b" declares risk read, but the command is destructive/);
    expect(errors[2]).toMatch(/onPass names unknown step "nowhere"/);
  });

  it("accepts an under-declared step that says why, and keeps both the reason and the classifier's view", async () => {
    const source =
      HEAD +
      step(
        'id="fix-perms" title="Fix" riskReason="Edits a scratch copy that the next step throws away"',
        "sed -i 's/a/b/' /etc/profile",
      );
    const { playbook, errors } = await checkPlaybook("content/x.mdx", source);
    expect(errors).toEqual([]);
    expect(playbook!.steps[0]).toMatchObject({
      risk: "read",
      riskReason: "Edits a scratch copy that the next step throws away",
      classified: { risk: "change", summary: "change: `sed -i` edits files in place" },
    });
  });

  it("accepts a step declared higher than the classifier finds", async () => {
    const source = HEAD + step('id="look" title="Look" risk="danger"', "cat /etc/hosts");
    const { playbook, errors } = await checkPlaybook("content/x.mdx", source);
    expect(errors).toEqual([]);
    expect(playbook!.steps[0]).toMatchObject({ risk: "danger", classified: { risk: "read" } });
  });

  it("wants the reason to be text", async () => {
    const source = HEAD + step('id="a" title="A" riskReason=""', "ls");
    expect(await errorsOf(source)).toEqual([
      'content/x.mdx:6:24: Step "a": riskReason must be non-empty text, e.g. riskReason="..."',
    ]);
  });
});

describe("the content check and the content index enforce it", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "casebook-risk-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "under-declared.mdx"), HEAD + FIX_PERMS);
  writeFileSync(path.join(dir, "fine.mdx"), HEAD + step('id="look" title="Look"', "kubectl get pods -A"));

  it("serves the rest of the site and lists the under-declared playbook as broken, by file and line", async () => {
    const index = await buildContentIndex(dir, { logErrors: false, workers: 0 });
    expect([...index.playbooks.keys()]).toEqual(["fine"]);
    expect(index.broken.get("under-declared")?.map((e) => [e.line, e.message])).toEqual([
      [6, expect.stringContaining('Step "fix-perms" declares risk read, but the command changes the host')],
    ]);
  });

  it("makes `npm run check:content` exit 1 with the message", async () => {
    const run = promisify(execFile)(
      "npx",
      ["tsx", "--import", "./server/server-only-hook.mjs", "scripts/check-content.ts", dir],
      { cwd: path.resolve(import.meta.dirname, "../..") },
    );
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const file = path.join(dir, "under-declared.mdx");
    expect(failure?.stdout).toContain(
      `${file}:6: Step "fix-perms" declares risk read, but the command changes the host`,
    );
    expect(failure?.stdout).toContain("2 playbooks, 1 step, 1 error");
  });
});
