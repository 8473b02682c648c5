// The local agent against a real database and real agent processes (dialling a closed port: only
// enrolment is under test). manage-hosts.test.ts covers one machine's enrolment and rotation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const database = createTempDatabase();
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db/client");
const { createHost } = await import("./manage-hosts");
const { enrollLocalAgent } = await import("./local-agent");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-local-agent-"));
const serverUrl = "http://127.0.0.1:9"; // nothing listens: the agents only retry
const env = { ...process.env, CASEBOOK_LOCAL_AGENT: undefined, REDIS_URL: undefined };

afterAll(async () => {
  await db.$disconnect();
  database.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("enrollLocalAgent", () => {
  it("never rotates the token of another machine's local host in the same database", async () => {
    const other = await createHost("another-machine", { local: true });
    const otherHash = (await db.host.findUniqueOrThrow({ where: { id: other.host.id } })).tokenHash;
    for (let start = 0; start < 2; start++) {
      const agent = await enrollLocalAgent({ serverUrl, dataDir, env });
      expect(agent?.hostName).not.toBe("another-machine");
      await agent?.stop();
    }
    expect((await db.host.findUniqueOrThrow({ where: { id: other.host.id } })).tokenHash).toBe(otherHash);
    expect(await db.host.count({ where: { local: true } })).toBe(2);
  });

  it("is off with REDIS_URL (several instances) unless asked for", async () => {
    const scaled = { ...env, REDIS_URL: "redis://127.0.0.1:6379" };
    expect(await enrollLocalAgent({ serverUrl, dataDir, env: scaled })).toBeNull();
    const asked = await enrollLocalAgent({ serverUrl, dataDir, env: { ...scaled, CASEBOOK_LOCAL_AGENT: "1" } });
    expect(asked).not.toBeNull();
    await asked!.stop();
  });
});
