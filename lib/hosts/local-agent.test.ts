// The local agent against a real database and real agent processes (dialling a closed port: only
// enrolment is under test). Two instances sharing a database must not rotate each other's token.
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
  it("keeps this machine's working token and never touches another machine's local host", async () => {
    const other = await createHost("another-machine", { local: true });
    const otherHash = (await db.host.findUniqueOrThrow({ where: { id: other.host.id } })).tokenHash;
    const first = await enrollLocalAgent({ serverUrl, dataDir, env });
    expect(first).not.toBeNull();
    const row = await db.host.findUniqueOrThrow({ where: { id: first!.hostId } });
    expect(row.name).not.toBe("another-machine");
    // A second start (a restart, or a second instance on this machine) reuses the token.
    const second = await enrollLocalAgent({ serverUrl, dataDir, env });
    await Promise.all([first!.stop(), second!.stop()]);
    expect(second!.hostId).toBe(first!.hostId);
    expect((await db.host.findUniqueOrThrow({ where: { id: row.id } })).tokenHash).toBe(row.tokenHash);
    expect((await db.host.findUniqueOrThrow({ where: { id: other.host.id } })).tokenHash).toBe(otherHash);
  });

  it("rotates a token the saved file no longer opens", async () => {
    const file = path.join(dataDir, "local-agent.json");
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, JSON.stringify({ ...saved, token: "not-the-token" }));
    const before = await db.host.findUniqueOrThrow({ where: { id: saved.hostId } });
    const agent = await enrollLocalAgent({ serverUrl, dataDir, env });
    await agent!.stop();
    const after = await db.host.findUniqueOrThrow({ where: { id: saved.hostId } });
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).token).not.toBe("not-the-token");
  });

  it("is off with REDIS_URL unless asked for", async () => {
    const scaled = { ...env, REDIS_URL: "redis://127.0.0.1:6379" };
    expect(await enrollLocalAgent({ serverUrl, dataDir, env: scaled })).toBeNull();
    const asked = await enrollLocalAgent({ serverUrl, dataDir, env: { ...scaled, CASEBOOK_LOCAL_AGENT: "1" } });
    expect(asked).not.toBeNull();
    await asked!.stop();
  });
});
