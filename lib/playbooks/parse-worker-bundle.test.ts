import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runParseJob, type ParseJob } from "./parse-job";
import { sourceRoot } from "./parser-fingerprint";
import type { WorkerReply, WorkerRequest } from "./parse-worker";

const root = sourceRoot()!;
const scratch = mkdtempSync(path.join(tmpdir(), "casebook-worker-bundle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  vi.doUnmock("esbuild");
  vi.resetModules();
});

const job: ParseJob = {
  file: "content/podman-basics.mdx",
  source: readFileSync(path.join(import.meta.dirname, "fixtures", "podman-basics.mdx")),
  mtime: new Date(2026, 0, 2),
};

function parseInWorker(entry: string): Promise<WorkerReply> {
  const worker = new Worker(entry);
  return new Promise<WorkerReply>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (reply: WorkerReply) => {
      if ("ready" in reply) worker.postMessage([{ id: 7, job }] satisfies WorkerRequest);
      else resolve(reply);
    });
  }).finally(() => void worker.terminate());
}

describe("bundleParseWorker", () => {
  it("builds one file, named for the parser, whose worker parses as the main thread does", async () => {
    const { bundleParseWorker } = await import("./parse-worker-bundle");
    const folder = path.join(scratch, "built");
    const entry = await bundleParseWorker(root, folder);
    expect(entry).toMatch(/parse-worker-[0-9a-f]{24}\.mjs$/);
    expect(readdirSync(folder)).toEqual([path.basename(entry!)]);
    expect(await bundleParseWorker(root, folder)).toBe(entry);

    const reply = await parseInWorker(entry!);
    expect(reply).toEqual({ results: [{ id: 7, result: await runParseJob(job) }] });
  });

  it("removes the bundles no process has started from for a day, and marks its own as used", async () => {
    const { bundleParseWorker } = await import("./parse-worker-bundle");
    const folder = path.join(scratch, "pruned");
    mkdirSync(folder);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const files = {
      unused: "parse-worker-000000000000000000000000.mjs",
      unusedPartial: "parse-worker-000000000000000000000000.mjs.1b2c-3d.partial",
      inUse: "parse-worker-111111111111111111111111.mjs",
      notOurs: "notes.txt",
    };
    for (const [what, name] of Object.entries(files)) {
      writeFileSync(path.join(folder, name), "");
      if (what !== "inUse") utimesSync(path.join(folder, name), twoDaysAgo, twoDaysAgo);
    }
    const entry = await bundleParseWorker(root, folder);
    expect(readdirSync(folder).sort()).toEqual([path.basename(entry!), files.inUse, files.notOurs].sort());

    utimesSync(entry!, twoDaysAgo, twoDaysAgo);
    expect(await bundleParseWorker(root, folder)).toBe(entry);
    expect(statSync(entry!).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it("answers undefined, building nothing, when the parser's sources are not on disk", async () => {
    const { bundleParseWorker } = await import("./parse-worker-bundle");
    const folder = path.join(scratch, "no-sources");
    expect(await bundleParseWorker(path.join(scratch, "not-a-checkout"), folder)).toBeUndefined();
  });

  it("leaves no half-written bundle behind when esbuild fails", async () => {
    vi.doMock("esbuild", () => ({ build: () => Promise.reject(new Error("esbuild is not installed")) }));
    const { bundleParseWorker } = await import("./parse-worker-bundle");
    const folder = path.join(scratch, "failed");
    await expect(bundleParseWorker(root, folder)).rejects.toThrow("esbuild is not installed");
    expect(readdirSync(folder)).toEqual([]);
  });
});
