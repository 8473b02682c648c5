// Two first starts at once on PostgreSQL: while one instance holds Prisma's migration lock for
// longer than Prisma waits (10 s), the other must wait its turn, not exit 1.
import { execFileSync, spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, type PostgresDatabase } from "@/testing/postgres-database";
import { migrateDeploy } from "./migrate";

/** The key Prisma's migrate takes with pg_advisory_lock. */
const PRISMA_MIGRATE_LOCK = 72707369;
let database: PostgresDatabase;
let url = "";

beforeAll(async () => {
  database = await createPostgresDatabase("casebook_migrate");
  url = database.url;
});
afterAll(() => database.remove());

describe("migrateDeploy", () => {
  it("waits for another instance's migration lock instead of failing", async () => {
    // The other instance: a separate process (migrateDeploy blocks this one) holding the lock
    // until this one has given up once; then its session is ended, which releases the lock.
    const holder = spawn("psql", [url, "-c", `SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK}), pg_sleep(300)`]);
    const exited = new Promise((resolve) => holder.on("exit", resolve));
    await waitForLock();
    const waits: number[] = [];
    const result = migrateDeploy({ ...process.env, DATABASE_URL: url }, 5, (attempt) => {
      waits.push(attempt);
      const end =
        "SELECT pg_terminate_backend(pid) FROM pg_locks " +
        `WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_LOCK}`;
      execFileSync("psql", [url, "-c", end], { stdio: "pipe" });
    });
    await exited;
    expect(waits).toEqual([1]);
    expect(result.ok).toBe(true);
    expect(result.attempts).toBe(2);
    expect(result.output).toMatch(/migrations have been successfully applied|All migrations/i);
  }, 120_000);

  it("fails at once on any other error", () => {
    const result = migrateDeploy({ ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/none" }, 5, () => {
      throw new Error("must not wait");
    });
    expect(result).toMatchObject({ ok: false, attempts: 1 });
  }, 60_000);
});

async function waitForLock(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
