// A connection PostgreSQL ends while the pool has lent it out (to a transaction, between its
// queries) must not take the process down. Against the real server on 127.0.0.1.
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresPool } from "./postgres-adapter";

const URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const pool = createPostgresPool(URL);

afterAll(() => pool.end());

describe("createPostgresPool", () => {
  it("survives the server ending a connection that is checked out, and serves the next query", async () => {
    const lent = await pool.connect();
    const ended = new Promise((resolve) => lent.once("end", resolve));
    // Without a listener on the lent client, pg emits this "error" unheard: an uncaught exception.
    await pool.query("SELECT pg_terminate_backend($1)", [(lent as unknown as { processID: number }).processID]);
    await ended;
    lent.release();
    const { rows } = await pool.query<{ one: number }>("SELECT 1 AS one");
    expect(rows).toEqual([{ one: 1 }]);
    expect(pool.totalCount).toBe(1);
  });
});
