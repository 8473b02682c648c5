// The failure half of the health check (the e2e suite covers the healthy answer): a database that
// cannot be opened must give 503, not a crash or a false "ok".
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
const { GET } = await import("./route");

describe("GET /api/health", () => {
  it("answers 503 when the database cannot be queried", async () => {
    const res = await GET(new Request("http://127.0.0.1:3000/api/health"));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "error" });
  });
});
