// The process-wide index over a real content folder: built from the content index, rebuilt when a
// playbook file changes, and joined by registered sources of other kinds.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeContentIndex } from "@/lib/playbooks/content-index";
import { closeSearchIndex, invalidateSearchIndex, registerSearchSource, search, searchPlaybooks } from "./index";
import type { SearchDoc } from "./types";

const playbook = (title: string, symptom: string) => `---
title: ${title}
summary: A summary of ${title}.
tags: [testing]
symptoms:
  - "${symptom}"
---

## Look around

Some prose about ${title}.

<Step id="look" title="Look">
\`\`\`bash
ls /var/lib/${title.toLowerCase().replace(/\W+/g, "-")}
\`\`\`
</Step>
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "casebook-search-"));
  process.env.CONTENT_DIR = dir;
  process.env.CASEBOOK_WATCH = "1";
  writeFileSync(path.join(dir, "disk-full.mdx"), playbook("Disk full", "No space left on device"));
});

afterEach(() => {
  closeSearchIndex();
  closeContentIndex();
  delete process.env.CONTENT_DIR;
  delete process.env.CASEBOOK_WATCH;
  rmSync(dir, { recursive: true, force: true });
});

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

describe("searchPlaybooks", () => {
  it("searches the content folder and follows edits to it", async () => {
    const [hit] = await searchPlaybooks("write /tmp/x: No space left on device");
    expect(hit).toMatchObject({
      kind: "playbook",
      slug: "disk-full",
      match: { part: "symptom", href: "/playbooks/disk-full#symptoms" },
    });

    writeFileSync(path.join(dir, "oom.mdx"), playbook("Out of memory", "Killed process 1234 (node) total-vm"));
    const found = await eventually(
      () => searchPlaybooks("Out of memory: Killed process 1234 (node) total-vm:1024kB"),
      (r) => r[0]?.slug === "oom",
    );
    expect(found[0]?.slug).toBe("oom");
    expect(found.map((r) => r.slug)).not.toContain("disk-full");
  });

  it("honours limit and tag", async () => {
    writeFileSync(path.join(dir, "disk-slow.mdx"), playbook("Disk slow", "task blocked for more than 120 seconds"));
    invalidateSearchIndex();
    expect(await searchPlaybooks("disk", { limit: 1 })).toHaveLength(1);
    expect(await searchPlaybooks("disk")).toHaveLength(2);
    expect(await searchPlaybooks("disk", { tag: "nope" })).toEqual([]);
  });
});

describe("registered sources", () => {
  const incident: SearchDoc<{ kind: "incident"; id: string; title: string }> = {
    key: "incident:1",
    title: "Build host ran out of disk",
    head: { kind: "incident", id: "1", title: "Build host ran out of disk" },
    tags: ["testing"],
    parts: [{ part: "symptom", label: "Symptom", href: "/incidents/1#symptoms", symptom: "No space left on device" }],
  };

  it("show their documents beside playbooks in search() but not in searchPlaybooks()", async () => {
    await searchPlaybooks("disk"); // built before the source exists; registering must invalidate
    const unregister = registerSearchSource("incidents", { documents: async () => [incident] });
    const all = await search("No space left on device");
    expect(all.map((r) => r.kind).sort()).toEqual(["incident", "playbook"]);
    expect(all.find((r) => r.kind === "incident")).toMatchObject({ id: "1", match: { href: "/incidents/1#symptoms" } });
    expect((await searchPlaybooks("No space left on device")).map((r) => r.kind)).toEqual(["playbook"]);

    unregister();
    expect((await search("No space left on device")).map((r) => r.kind)).toEqual(["playbook"]);
  });

  it("do not take search down when they fail", async () => {
    registerSearchSource("broken", {
      documents: async () => {
        throw new Error("database is locked");
      },
    });
    expect((await search("No space left on device")).map((r) => r.kind)).toEqual(["playbook"]);
  });
});
