// Scale-out: the same migrations and queries against a real PostgreSQL on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedPostgresDatabase, type PostgresDatabase } from "@/testing/postgres-database";

/** Stored sizes for a test write: the raw offset is the same as the stored one. */
const sizes = (bytes: number) => ({ outputBytes: bytes, receivedBytes: bytes });

let database: PostgresDatabase;
let url = "";

describe("PostgreSQL (scale-out)", () => {
  beforeAll(async () => {
    // A copy of the template that `prisma migrate deploy` built (testing/postgres-database.ts): the
    // migrations applied once, with their records, which `migrate status` below reads.
    database = await createMigratedPostgresDatabase("casebook_test");
    url = database.url;
  }, 120_000);

  afterAll(async () => {
    const { db } = await import("./client");
    await db.$disconnect();
    await database.remove();
  });

  it("applies the migrations and round-trips rows through the generated client", async () => {
    process.env.DATABASE_URL = url;
    const { db } = await import("./client");
    const user = await db.user.create({ data: { id: "u1", name: "Ada", email: "ada@example.test", role: "admin" } });
    const incident = await db.incident.create({
      data: {
        title: "Disk full",
        severity: "SEV2",
        symptoms: ["No space left on device"],
        tags: ["disk"],
        authors: { create: { userId: user.id } },
      },
      include: { authors: true },
    });
    expect(incident.symptoms).toEqual(["No space left on device"]);
    expect(incident.authors).toHaveLength(1);
    const status = execFileSync("npx", ["prisma", "migrate", "status"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(status).toContain("Database schema is up to date");
  });
  it("reads recorded output back in order (seq is an int4 column)", async () => {
    process.env.DATABASE_URL = url;
    const { db } = await import("./client");
    const { writeChunks } = await import("@/lib/runs/chunk-store");
    const { readOutput } = await import("@/lib/runs/read-output");
    const host = await db.host.create({ data: { name: "pg-host", tokenHash: "h", tokenPrefix: "p" } });
    const run = await db.run.create({ data: { playbookSlug: "p", contentHash: "c", hostId: host.id, inputs: {} } });
    const step = await db.stepRun.create({
      data: { runId: run.id, stepId: "s", title: "S", risk: "read", command: "true", shell: "default" },
    });
    const rows = Array.from({ length: 70 }, (_, seq) => ({ seq, t: seq, data: Buffer.from(`line ${seq}\n`) }));
    expect(await writeChunks(step.id, rows, { outputBytes: 0, receivedBytes: 0 })).toBe("stored");
    const read: string[] = [];
    for await (const chunk of readOutput(step.id)) read.push(chunk.data.toString());
    expect(read.join("")).toBe(rows.map((r) => r.data.toString()).join(""));
    const before: number[] = [];
    for await (const chunk of readOutput(step.id, 3)) before.push(chunk.seq);
    expect(before).toEqual([0, 1, 2]);

    // A retried batch that an earlier attempt committed is stored (once); a deleted step run is gone.
    expect(await writeChunks(step.id, rows.slice(0, 2), sizes(0))).toBe("stored");
    expect(await db.outputChunk.count({ where: { stepRunId: step.id } })).toBe(70);
    await db.stepRun.delete({ where: { id: step.id } });
    expect(await writeChunks(step.id, [{ seq: 70, t: 70, data: Buffer.from("late") }], sizes(0))).toBe("gone");
  });
});
