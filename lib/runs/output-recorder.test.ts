// one-database: SQLite, whose write lock it holds from another connection.
// The recorder against a real migrated SQLite file, including a database locked by another
// transaction in the same process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-recorder-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { OutputRecorder } = await import("./output-recorder");
const { writeChunks } = await import("./chunk-store");
const { readOutput } = await import("./read-output");

/** Stored sizes for a test write: the raw offset is the same as the stored one. */
const sizes = (bytes: number) => ({ outputBytes: bytes, receivedBytes: bytes });

let stepRunId = "";
let hostId = "";

beforeAll(async () => {
  const host = await db.host.create({ data: { name: "h", tokenHash: "x", tokenPrefix: "x" } });
  hostId = host.id;
  const run = await db.run.create({ data: { playbookSlug: "p", contentHash: "h", hostId, inputs: {} } });
  stepRunId = (
    await db.stepRun.create({
      data: { runId: run.id, stepId: "s", title: "s", risk: "read", command: "c", shell: "bash" },
    })
  ).id;
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

async function readAll(id: string): Promise<{ bytes: Buffer; rows: number[] }> {
  const parts: Buffer[] = [];
  const rows: number[] = [];
  for await (const c of readOutput(id)) {
    parts.push(c.data);
    rows.push(c.seq);
  }
  return { bytes: Buffer.concat(parts), rows };
}

describe("OutputRecorder", () => {
  it("groups writes into timed rows, keeps order, and waits out a lock held by another transaction", async () => {
    let released = 0;
    const locker = db.$transaction(async (tx) => {
      await tx.host.update({ where: { id: hostId }, data: { lastSeenAt: new Date() } }); // takes the write lock
      await new Promise((r) => setTimeout(r, 300));
      released = Date.now();
    });
    await new Promise((r) => setTimeout(r, 50));

    const t0 = Date.now();
    const rec = new OutputRecorder(stepRunId, t0);
    rec.push(Buffer.from("a"), 1, t0 + 10);
    rec.push(Buffer.from("b"), 2, t0 + 20); // same row: within 50 ms
    rec.push(Buffer.from("c"), 3, t0 + 500); // new row
    rec.push(Buffer.alloc(300 * 1024, "d"), 3 + 300 * 1024, t0 + 510); // too big to join: its own row; commits at once
    const snap = rec.snapshot();
    expect(snap).toMatchObject({ committedSeq: 0, committedBytes: 0 });
    expect(snap.tail.length).toBe(3 + 300 * 1024);
    await rec.flush();
    const flushedAt = Date.now();
    await locker;
    // The write had to wait for the other transaction to commit (and did not give up).
    expect(released).toBeGreaterThan(0);
    expect(flushedAt).toBeGreaterThanOrEqual(released);

    const { bytes, rows } = await readAll(stepRunId);
    expect(rows).toEqual([0, 1, 2]);
    expect(bytes.toString("latin1")).toBe("abc" + "d".repeat(300 * 1024));
    const stored = await db.outputChunk.findMany({
      where: { stepRunId },
      orderBy: { seq: "asc" },
      select: { t: true },
    });
    expect(stored.map((r) => r.t)).toEqual([0.01, 0.5, 0.51]);
    const stepRow = await db.stepRun.findUniqueOrThrow({ where: { id: stepRunId } });
    // The raw offset the stored output accounts for is kept with it: where a new owner resumes.
    expect(stepRow).toMatchObject({ outputBytes: 3 + 300 * 1024, receivedBytes: 3 + 300 * 1024 });
    expect(rec.committedRaw).toBe(3 + 300 * 1024);
    expect(rec.snapshot()).toMatchObject({ committedSeq: 3, committedBytes: 3 + 300 * 1024 });
  });

  it("takes a retried batch that an earlier attempt committed as stored, once; a deleted step as gone", async () => {
    const run = await db.run.create({ data: { playbookSlug: "p", contentHash: "h", hostId, inputs: {} } });
    const step = await db.stepRun.create({
      data: { runId: run.id, stepId: "s", title: "s", risk: "read", command: "c", shell: "bash" },
    });
    const rows = [0, 1].map((seq) => ({ seq, t: seq, data: Buffer.from(`row ${seq}\n`) }));
    expect(await writeChunks(step.id, rows, sizes(12))).toBe("stored");
    expect(await writeChunks(step.id, rows, sizes(12))).toBe("stored"); // its answer was lost: the retry
    expect((await readAll(step.id)).bytes.toString()).toBe("row 0\nrow 1\n");
    await db.stepRun.delete({ where: { id: step.id } });
    expect(await writeChunks(step.id, [{ seq: 2, t: 2, data: Buffer.from("late") }], sizes(16))).toBe("gone");
  });
});
