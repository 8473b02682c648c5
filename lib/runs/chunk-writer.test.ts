// The writer thread stores rows and reports SQLite's failures with their codes, as the main thread's
// connection did (chunk-store.ts classifies them): a duplicate key, a missing step run, a lock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ChunkWriter } from "./chunk-writer";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-chunk-writer-"));
const file = path.join(dir, "t.db");
const setup = new Database(file);
setup.pragma("journal_mode = WAL");
setup.pragma("foreign_keys = ON");
setup.exec(`CREATE TABLE "StepRun" ("id" TEXT PRIMARY KEY, "outputBytes" INTEGER, "receivedBytes" INTEGER);
  CREATE TABLE "OutputChunk" ("stepRunId" TEXT REFERENCES "StepRun"("id"), "seq" INTEGER, "t" REAL, "data" BLOB,
    PRIMARY KEY ("stepRunId", "seq"));
  INSERT INTO "StepRun" VALUES ('s1', 0, 0);`);
const writer = new ChunkWriter(file, 50);

afterAll(async () => {
  await writer.close();
  setup.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (seq: number, text: string) => ({ seq, t: seq / 10, data: Buffer.from(text) });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "stored",
    (err: { code?: string }) => err.code,
  );

describe("ChunkWriter", () => {
  it("commits rows and the step's sizes together", async () => {
    await writer.write("s1", [row(0, "hello "), row(1, "world")], { outputBytes: 11, receivedBytes: 13 });
    const rows = setup.prepare(`SELECT "seq", "data" FROM "OutputChunk" ORDER BY "seq"`).all() as { data: Buffer }[];
    expect(Buffer.concat(rows.map((r) => r.data)).toString()).toBe("hello world");
    expect(setup.prepare(`SELECT "outputBytes", "receivedBytes" FROM "StepRun"`).get()).toEqual({
      outputBytes: 11,
      receivedBytes: 13,
    });
  });

  it("rejects with SQLite's code, and keeps nothing of a failed batch", async () => {
    expect(await codeOf(writer.write("s1", [row(2, "!"), row(0, "again")], { outputBytes: 1, receivedBytes: 1 }))).toBe(
      "SQLITE_CONSTRAINT_PRIMARYKEY",
    );
    expect(setup.prepare(`SELECT count(*) AS n FROM "OutputChunk"`).get()).toEqual({ n: 2 });
    setup.exec("BEGIN IMMEDIATE");
    try {
      expect(await codeOf(writer.write("s1", [row(3, "?")], { outputBytes: 1, receivedBytes: 1 }))).toBe("SQLITE_BUSY");
    } finally {
      setup.exec("ROLLBACK");
    }
  });

  it("says when its thread has ended, and refuses writes rather than hanging", async () => {
    const doomed = new ChunkWriter(file);
    await doomed.close();
    expect(doomed.alive).toBe(false);
    await expect(doomed.write("s1", [row(9, "x")], { outputBytes: 1, receivedBytes: 1 })).rejects.toThrow(/exited/);
  });
});
