import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runParseJob, type ParseJob } from "./parse-job";
import { parseJobs } from "./parse-pool";

const good = readFileSync(path.join(import.meta.dirname, "fixtures", "podman-basics.mdx"));
const broken = Buffer.from(
  '---\ntitle: T\nsummary: S\n---\n\n<Step id="a" title="A" risk="high">\n```bash\nls\n```\n</Step>\n',
);
// Its step declares read but edits a file: the worker's risk classifier must say so too.
const underDeclared = Buffer.from(
  '---\ntitle: T\nsummary: S\n---\n\n<Step id="a" title="A">\n```bash\nsed -i s/a/b/ /etc/hosts\n```\n</Step>\n',
);
const jobs: ParseJob[] = Array.from({ length: 20 }, (_, i) => ({
  file: `content/p-${i}.mdx`,
  source: i % 5 === 4 ? broken : i % 5 === 2 ? underDeclared : good,
  mtime: new Date(2026, 0, i + 1),
}));
const expected = await Promise.all(jobs.map(runParseJob));
const scratch = mkdtempSync(path.join(tmpdir(), "casebook-pool-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("parseJobs", () => {
  it("gives the same results in a worker thread as on the main thread, in job order", async () => {
    const { results, byWorkers } = await parseJobs(jobs, { workers: 2, mainThread: false });
    expect(byWorkers).toBe(jobs.length);
    expect(results).toEqual(expected);
    expect(results[3]?.playbook?.updatedAt).toEqual(new Date(2026, 0, 4));
    expect(results[4]?.errors[0]?.message).toBe('Step "a": unknown risk "high" (allowed: read, change, danger)');
    expect(results[2]?.errors[0]?.message).toMatch(/^Step "a" declares risk read, but the command changes the host/);
  });

  it("parses everything on the main thread when the workers cannot start", async () => {
    const entry = path.join(scratch, "crashing-worker.mjs");
    writeFileSync(entry, 'throw new Error("this worker cannot start");\n');
    const { results, byWorkers } = await parseJobs(jobs, { workers: 2, entry, mainThread: false });
    expect(byWorkers).toBe(0);
    expect(results).toEqual(expected);
  });

  it("hands the jobs of a worker that dies mid-batch back to the main thread", async () => {
    const entry = path.join(scratch, "dying-worker.mjs");
    writeFileSync(
      entry,
      'import { parentPort } from "node:worker_threads";\n' +
        'parentPort.on("message", () => process.exit(3));\n' +
        "parentPort.postMessage({ ready: true });\n",
    );
    const { results, byWorkers } = await parseJobs(jobs, { workers: 1, entry, mainThread: false });
    expect(byWorkers).toBe(0);
    expect(results).toEqual(expected);
  });

  it("loads its workers through tsx when the worker cannot be bundled", async () => {
    vi.resetModules();
    vi.doMock("./parse-worker-bundle", () => ({ bundledParseWorker: () => Promise.resolve(undefined) }));
    try {
      const { parseJobs: withoutBundle } = await import("./parse-pool");
      const { results, byWorkers } = await withoutBundle(jobs, { workers: 1, mainThread: false });
      expect(byWorkers).toBe(jobs.length);
      expect(results).toEqual(expected);
    } finally {
      vi.doUnmock("./parse-worker-bundle");
      vi.resetModules();
    }
  });

  it("uses no workers when told so", async () => {
    const { results, byWorkers } = await parseJobs(jobs, { workers: 0 });
    expect(byWorkers).toBe(0);
    expect(results).toEqual(expected);
  });
});
