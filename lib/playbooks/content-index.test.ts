import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buildContentIndex,
  closeContentIndex,
  getContentIndex,
  getPlaybook,
  onContentIndexChange,
  reloadContentIndex,
} from "./content-index";
import type { ContentIndex } from "./types";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "podman-basics.mdx");
const ROOT = path.resolve(import.meta.dirname, "..", "..");

const playbook = (title: string, stepId = "look") => `---
title: ${title}
summary: A summary.
---

## Look

<Step id="${stepId}" title="Look">
\`\`\`bash
ls
\`\`\`
</Step>
`;
// Line 8 is the <Step> tag, whose risk is not one of the three.
const BROKEN = `---
title: Broken
summary: A summary.
---

## Look

<Step id="look" title="Look" risk="high">
\`\`\`bash
ls
\`\`\`
</Step>
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "casebook-content-"));
  copyFileSync(FIXTURE, path.join(dir, "podman-basics.mdx"));
  writeFileSync(path.join(dir, "second.mdx"), playbook("Second"));
  writeFileSync(path.join(dir, "broken.mdx"), BROKEN);
  writeFileSync(path.join(dir, "notes.txt"), "not a playbook");
});

afterEach(() => {
  closeContentIndex();
  delete process.env.CONTENT_DIR;
  delete process.env.CASEBOOK_WATCH;
  rmSync(dir, { recursive: true, force: true });
});

describe("buildContentIndex", () => {
  it("serves the good playbooks and keeps the broken one aside with its file and line", async () => {
    const index = await buildContentIndex(dir);
    expect([...index.playbooks.keys()].sort()).toEqual(["podman-basics", "second"]);
    expect(index.playbooks.get("second")?.steps.map((s) => s.id)).toEqual(["look"]);
    expect(index.playbooks.get("podman-basics")?.updatedAt).toBeInstanceOf(Date);
    expect([...index.broken.keys()]).toEqual(["broken"]);
    expect(index.broken.get("broken")).toEqual([
      {
        file: path.join(dir, "broken.mdx"),
        line: 8,
        column: 30,
        message: 'Step "look": unknown risk "high" (allowed: read, change, danger)',
      },
    ]);
  });

  it("returns an empty index for a folder that does not exist", async () => {
    const index = await buildContentIndex(path.join(dir, "missing"));
    expect(index.playbooks.size).toBe(0);
    expect(index.broken.size).toBe(0);
  });
});

describe("getContentIndex", () => {
  it("builds once from CONTENT_DIR and answers getPlaybook", async () => {
    process.env.CONTENT_DIR = dir;
    const first = await getContentIndex();
    expect(await getContentIndex()).toBe(first);
    expect((await getPlaybook("second"))?.title).toBe("Second");
    expect(await getPlaybook("broken")).toBeUndefined();
    expect(await getPlaybook("nope")).toBeUndefined();
  });

  it("rebuilds when a file changes, is fixed, added or removed, and tells listeners", async () => {
    process.env.CONTENT_DIR = dir;
    process.env.CASEBOOK_WATCH = "1";
    await getContentIndex();

    const nextChange = (check: (index: ContentIndex) => boolean) =>
      new Promise<ContentIndex>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the watcher did not rebuild within 5 s")), 5000);
        const unsubscribe = onContentIndexChange((index) => {
          if (!check(index)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(index);
        });
      });

    let changed = nextChange((index) => index.playbooks.get("second")?.title === "Second, edited");
    writeFileSync(path.join(dir, "second.mdx"), playbook("Second, edited"));
    await changed;
    expect((await getPlaybook("second"))?.title).toBe("Second, edited");

    changed = nextChange((index) => index.playbooks.has("broken") && index.playbooks.has("third"));
    writeFileSync(path.join(dir, "broken.mdx"), playbook("Fixed"));
    writeFileSync(path.join(dir, "third.mdx"), playbook("Third"));
    const fixed = await changed;
    expect(fixed.broken.size).toBe(0);
    expect((await getContentIndex()).playbooks.get("broken")?.title).toBe("Fixed");

    changed = nextChange((index) => !index.playbooks.has("third"));
    unlinkSync(path.join(dir, "third.mdx"));
    await changed;
    expect(await getPlaybook("third")).toBeUndefined();
  });

  it("stops calling a listener once it unsubscribes", async () => {
    process.env.CONTENT_DIR = dir;
    process.env.CASEBOOK_WATCH = "1";
    await getContentIndex();
    const seen: string[] = [];
    const unsubscribe = onContentIndexChange((index) => seen.push(index.playbooks.get("second")?.title ?? ""));
    const stayed = new Promise<void>((resolve) => {
      const off = onContentIndexChange((index) => {
        if (index.playbooks.get("second")?.title !== "Two") return;
        off();
        resolve();
      });
    });
    unsubscribe();
    writeFileSync(path.join(dir, "second.mdx"), playbook("Two"));
    await stayed;
    expect(seen).toEqual([]);
  });
});

describe("reloadContentIndex", () => {
  it("serves a file written after the first build at once, without a watcher, and tells listeners", async () => {
    process.env.CONTENT_DIR = dir;
    await getContentIndex();
    writeFileSync(path.join(dir, "fresh.mdx"), playbook("Fresh"));
    expect(await getPlaybook("fresh")).toBeUndefined();
    const heard: string[] = [];
    const off = onContentIndexChange((index) => heard.push(index.playbooks.get("fresh")?.title ?? "-"));
    const reloaded = await reloadContentIndex();
    off();
    expect(reloaded.playbooks.get("fresh")?.title).toBe("Fresh");
    expect((await getPlaybook("fresh"))?.title).toBe("Fresh");
    expect(heard).toEqual(["Fresh"]);
  });

  it("reflects every write made before the call, even while another rebuild is running", async () => {
    process.env.CONTENT_DIR = dir;
    await getContentIndex();
    writeFileSync(path.join(dir, "one.mdx"), playbook("One"));
    const first = reloadContentIndex();
    // Written after the first rebuild may have listed the folder: the second call must see it.
    writeFileSync(path.join(dir, "two.mdx"), playbook("Two"));
    const second = await reloadContentIndex();
    expect(second.playbooks.has("two")).toBe(true);
    expect((await first).playbooks.has("one")).toBe(true);
    expect((await getPlaybook("two"))?.title).toBe("Two");
  });
});

describe("scripts/check-content.ts", () => {
  const run = promisify(execFile);
  const loaders = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];
  const check = (folder: string) =>
    run(process.execPath, [...loaders, "scripts/check-content.ts", folder], { cwd: ROOT }).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("prints each error as file:line:col, points to the format, and exits 1", async () => {
    const result = await check(dir);
    expect(result.stdout).toBe(
      `${path.join(dir, "broken.mdx")}:8:30: Step "look": unknown risk "high" (allowed: read, change, danger)\n` +
        "3 playbooks, 5 steps, 1 error, 0 warnings\n" +
        "The format: docs/playbook-format.md (in the app: /help/playbook-format)\n",
    );
    expect(result.code).toBe(1);
  });

  it("exits 0 when every playbook is good", async () => {
    unlinkSync(path.join(dir, "broken.mdx"));
    const result = await check(dir);
    expect(result.stdout).toBe("2 playbooks, 5 steps, 0 errors, 0 warnings\n");
    expect(result.code).toBe(0);
  });

  it("warns about a loop with no way out, and still exits 0", async () => {
    unlinkSync(path.join(dir, "broken.mdx"));
    const step = (id: string, next: string) =>
      `<Step id="${id}" title="${id}" onPass="${next}" onFail="${next}">\n\`\`\`bash\ntrue\n\`\`\`\n</Step>\n\n`;
    writeFileSync(path.join(dir, "loop.mdx"), "---\ntitle: L\nsummary: S\n---\n\n" + step("a", "b") + step("b", "a"));
    const result = await check(dir);
    expect(result.stdout).toBe(
      `${path.join(dir, "loop.mdx")}:6: warning: "a", "b" form a loop with no way out: every onPass and onFail ` +
        "of them leads back into it (point one of them at a step outside the loop)\n" +
        "3 playbooks, 7 steps, 0 errors, 1 warning\n",
    );
    expect(result.code).toBe(0);
  });
});
