import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildContentIndex } from "./build-content-index";
import { closeContentIndex, getContentIndex } from "./content-index";
import { openDiskParseCache, type DiskParseCacheOptions } from "./disk-parse-cache";
import type { ParseResult } from "./parse-playbook";

const SECRET = "a".repeat(32);
const playbook = (title: string) => `---
title: ${title}
summary: A summary.
---

## Look

<Step id="look" title="Look">
\`\`\`bash
ls
\`\`\`
</Step>
`;

let work: string;
let content: string;
let root: string;
const authSecret = process.env.BETTER_AUTH_SECRET;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "casebook-parse-cache-"));
  content = path.join(work, "content");
  root = path.join(work, "cache");
  mkdirSync(content);
  writeFileSync(path.join(content, "first.mdx"), playbook("First"));
  writeFileSync(path.join(content, "second.mdx"), playbook("Second"));
});

afterEach(() => {
  closeContentIndex();
  delete process.env.CASEBOOK_CONTENT_CACHE;
  delete process.env.CONTENT_DIR;
  if (authSecret === undefined) delete process.env.BETTER_AUTH_SECRET;
  else process.env.BETTER_AUTH_SECRET = authSecret;
  rmSync(work, { recursive: true, force: true });
});

const cacheWith = (options: DiskParseCacheOptions = {}, dir = content) =>
  openDiskParseCache(dir, { root, secret: SECRET, fingerprint: "parser-1", ...options });
/** A build, and its cache's writes: the index is served before they finish. */
async function build(options: DiskParseCacheOptions = {}, dir = content) {
  const disk = cacheWith(options, dir);
  const index = await buildContentIndex(dir, { disk, logErrors: false, workers: 0 });
  await disk?.settled();
  return index;
}
const entries = () => readdirSync(path.join(root, readdirSync(root)[0]!)).filter((name) => !name.startsWith("."));

/** Stores `title` as the parse result of `name` under the cache's own key, as if the parser said so. */
async function plant(name: string, title: string, options: DiskParseCacheOptions = {}) {
  const cache = cacheWith(options)!;
  const real = (await buildContentIndex(content, { logErrors: false, workers: 0 })).playbooks.get(name.slice(0, -4))!;
  const result: ParseResult = { playbook: { ...real, title }, errors: [] };
  await cache.write(cache.keyOf(real.file, readFileSync(path.join(content, name))), result);
}

describe("the disk parse cache", () => {
  it("serves a restart with unchanged files from the stored results", async () => {
    const first = await build();
    expect(first.playbooks.get("first")?.title).toBe("First");
    expect(entries()).toHaveLength(2);
    // What the cache holds is what the next build serves: nothing was parsed again.
    await plant("first.mdx", "From the cache");
    const second = await build();
    expect(second.playbooks.get("first")?.title).toBe("From the cache");
    expect(second.playbooks.get("second")?.title).toBe("Second");
  });

  it("gives back exactly what the parser made, for every seed playbook", async () => {
    const seeds = path.resolve(import.meta.dirname, "..", "..", "content");
    const fresh = await buildContentIndex(seeds, { logErrors: false, workers: 0 });
    await build({}, seeds);
    const stored = await build({}, seeds);
    expect(fresh.playbooks.size).toBeGreaterThan(0);
    // Strictly: the same classes (Dates stay Dates), no field lost or added on the way to disk.
    expect(stored.playbooks).toStrictEqual(fresh.playbooks);
    expect(stored.broken).toStrictEqual(fresh.broken);
  });

  it("parses a file again when its bytes change, and forgets the old entry", async () => {
    await build();
    writeFileSync(path.join(content, "first.mdx"), playbook("First, edited"));
    const index = await build();
    expect(index.playbooks.get("first")?.title).toBe("First, edited");
    expect(entries()).toHaveLength(2);
  });

  it("forgets the entries of removed files", async () => {
    await build();
    rmSync(path.join(content, "second.mdx"));
    await build();
    expect(entries()).toHaveLength(1);
  });

  it("misses every entry when the parser changes", async () => {
    await build();
    await plant("first.mdx", "From the cache");
    const index = await build({ fingerprint: "parser-2" });
    expect(index.playbooks.get("first")?.title).toBe("First");
  });

  it("ignores an entry this server did not sign", async () => {
    await build();
    await plant("first.mdx", "Planted", { secret: "b".repeat(32) });
    expect((await build()).playbooks.get("first")?.title).toBe("First");
  });

  it("ignores an entry whose bytes were changed after signing", async () => {
    await build();
    await plant("first.mdx", "From the cache");
    const dir = path.join(root, readdirSync(root)[0]!);
    for (const name of entries()) {
      const stored = readFileSync(path.join(dir, name));
      // Still a well-formed entry, only its text changed: only the signature tells.
      writeFileSync(
        path.join(dir, name),
        Buffer.from(stored.toString("latin1").replace("From the cache", "From the cachX"), "latin1"),
      );
    }
    expect((await build()).playbooks.get("first")?.title).toBe("First");
  });

  it("removes the temporary files a crashed writer left, but not one being written", async () => {
    await build();
    const dir = path.join(root, readdirSync(root)[0]!);
    const [left, writing] = [path.join(dir, ".left.1.tmp"), path.join(dir, ".writing.2.tmp")];
    writeFileSync(left, "");
    writeFileSync(writing, "");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(left, anHourAgo, anHourAgo);
    await build();
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([".writing.2.tmp"]);
  });

  it("gives a stored playbook the file's current modification time", async () => {
    await build();
    const touched = new Date("2026-01-02T03:04:05Z");
    utimesSync(path.join(content, "first.mdx"), touched, touched);
    expect((await build()).playbooks.get("first")?.updatedAt).toEqual(touched);
  });

  it("keeps a broken file's errors, file and line included", async () => {
    writeFileSync(
      path.join(content, "broken.mdx"),
      playbook("Broken").replace('title="Look"', 'title="Look" risk="high"'),
    );
    const fresh = await build();
    const stored = await build();
    expect(stored.broken.get("broken")).toEqual(fresh.broken.get("broken"));
    expect(stored.broken.get("broken")?.[0]).toMatchObject({ line: 8 });
  });

  it("still builds the index when the cache folder cannot be written", async () => {
    writeFileSync(root, "a file where the folder should be");
    const index = await build();
    expect([...index.playbooks.keys()].sort()).toEqual(["first", "second"]);
  });

  it("is off when CASEBOOK_CONTENT_CACHE says so", () => {
    expect(openDiskParseCache(content, { root: "off", secret: SECRET })).toBeUndefined();
  });

  it("is what the process-wide index uses, in the folder CASEBOOK_CONTENT_CACHE names", async () => {
    process.env.CONTENT_DIR = content;
    process.env.CASEBOOK_CONTENT_CACHE = root;
    process.env.BETTER_AUTH_SECRET = SECRET;
    expect((await getContentIndex()).playbooks.size).toBe(2);
    await vi.waitFor(() => expect(entries()).toHaveLength(2));
  });
});
