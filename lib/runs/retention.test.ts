// Retention against a real migrated SQLite file.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-retention-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { pruneRuns, retentionLimits } = await import("./retention");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const DAY = 24 * 3600 * 1000;

async function run(hostId: string, ageDays: number, outputBytes: number, status = "finished"): Promise<string> {
  const r = await db.run.create({
    data: {
      playbookSlug: "p",
      contentHash: "h",
      hostId,
      inputs: {},
      status,
      createdAt: new Date(Date.now() - ageDays * DAY),
    },
  });
  await db.stepRun.create({
    data: {
      runId: r.id,
      stepId: "s",
      title: "s",
      risk: "read",
      command: "c",
      shell: "bash",
      outputBytes,
      verdict: "passed",
    },
  });
  return r.id;
}

describe("pruneRuns", () => {
  it("deletes runs past the age limit, then the oldest until the output fits, never active ones", async () => {
    const host = await db.host.create({ data: { name: "h", tokenHash: "x", tokenPrefix: "x" } });
    const ancient = await run(host.id, 100, 10);
    const activeOld = await run(host.id, 100, 10, "active");
    const old = await run(host.id, 5, 600);
    const mid = await run(host.id, 3, 300);
    const fresh = await run(host.id, 1, 300);
    const res = await pruneRuns({ days: 90, maxOutputBytes: 700 });
    expect(res.deletedRuns).toBe(2);
    const left = (await db.run.findMany({ select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([activeOld, mid, fresh].sort());
    expect(left).not.toContain(ancient);
    expect(left).not.toContain(old);
    expect(await db.outputChunk.count()).toBe(0);
  });

  it("reads its limits from the environment, 0 meaning none, and refuses nonsense", () => {
    expect(retentionLimits({ RUN_RETENTION_DAYS: "7", RUN_RETENTION_MAX_OUTPUT_MB: "1" })).toEqual({
      days: 7,
      maxOutputBytes: 1024 * 1024,
    });
    expect(retentionLimits({ RUN_RETENTION_DAYS: "0", RUN_RETENTION_MAX_OUTPUT_MB: "0" })).toEqual({
      days: null,
      maxOutputBytes: null,
    });
    expect(() => retentionLimits({ RUN_RETENTION_DAYS: "soon" })).toThrow(
      /RUN_RETENTION_DAYS must be a positive number/,
    );
  });
});
