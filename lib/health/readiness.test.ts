// Readiness against a real migrated database and the real content folder; Redis's check is
// registered by the hub (server/hub/hub-redis.test.ts covers a live Redis).
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const database = createTempDatabase();
process.env.DATABASE_URL = database.url;
process.env.CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
const { readiness, registerReadinessCheck } = await import("./readiness");
const { GET } = await import("@/app/readyz/route");

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  database.remove();
});

describe("readiness", () => {
  it("is ready when the database answers and the content index is loaded", async () => {
    // The first build can outlast the check's 2 s on a loaded machine; then the answer is 503.
    await (await import("@/lib/playbooks/content-index")).getContentIndex();
    const res = await GET(new Request("http://127.0.0.1:3000/readyz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, checks: { database: "ok", content: "ok" } });
  });

  it("answers 503 naming the part that failed, and forgets a check once unregistered", async () => {
    const forget = registerReadinessCheck("redis", () => Promise.reject(new Error("connection refused")));
    const res = await GET(new Request("http://127.0.0.1:3000/readyz"));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ready: false,
      checks: { database: "ok", content: "ok", redis: "connection refused" },
    });
    forget();
    expect((await readiness()).ready).toBe(true);
  });

  it("counts a check that never answers as not ready", async () => {
    const forget = registerReadinessCheck("hung", () => new Promise(() => {}));
    const result = await readiness();
    forget();
    expect(result.ready).toBe(false);
    expect(result.checks.hung).toMatch(/no answer within/);
  });
});
