// The RateLimit-table store under concurrency, on the real database of each project (SQLite and
// PostgreSQL): attempts that arrive at once on a key with no row yet all race to create it.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-rate-limit-store-");
process.env.DATABASE_URL = tempDb.url;

const { db } = await import("@/lib/db/client");
const { RateLimitTableStore } = await import("./rate-limit-table-store");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const ROUNDS = process.env.CASEBOOK_TEST_DB === "postgres" ? 200 : 20;

describe("RateLimitTableStore", () => {
  // Two racing inserts that both miss the row collide only a few times in a thousand, so on PostgreSQL
  // the test races many fresh keys (a store that gave rows the key as their id failed here). SQLite
  // runs one write at a time, where a few rounds check the counting.
  it("counts every consume that races to create a key's row, and refuses past the budget", async () => {
    const store = new RateLimitTableStore({ keyPrefix: "race", points: 5, duration: 60 });
    for (let round = 0; round < ROUNDS; round++) {
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => store.consume(`key-${round}`)));
      const thrown = outcomes.flatMap((o) => (o.status === "rejected" && o.reason instanceof Error ? [o.reason] : []));
      expect(thrown, `round ${round}: the store threw instead of counting`).toEqual([]);
      expect(
        outcomes.filter((o) => o.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(5);
    }
    const counts = new Set(
      (await db.rateLimit.findMany({ where: { key: { startsWith: "race:" } } })).map((r) => r.count),
    );
    expect(counts).toEqual(new Set([10]));
  });
});
