// Host enrolment against a real migrated SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-hosts-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { authenticateAgentToken, createHost, listHosts, revokeHost, rotateHostToken } = await import("./manage-hosts");
const { hashToken } = await import("./tokens");
const { enrollLocalAgent } = await import("./local-agent");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("hosts", () => {
  it("creates a host whose token is shown once and stored only as its sha256", async () => {
    const { host, token } = await createHost("web-1");
    expect(token).toMatch(/^cbk_[A-Za-z0-9_-]{43}$/);
    const row = await db.host.findUniqueOrThrow({ where: { id: host.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    expect(host).toMatchObject({ name: "web-1", online: false, revoked: false, tokenPrefix: token.slice(0, 10) });
    expect(JSON.stringify(host)).not.toContain(row.tokenHash);
    expect((await authenticateAgentToken(token)).ok).toBe(true);
    expect(await authenticateAgentToken("cbk_wrong-token-value")).toEqual({ ok: false, reason: "unknown agent token" });
    await expect(createHost("web-1")).rejects.toThrow(/already exists/);
    await expect(createHost("bad name; rm")).rejects.toThrow(/letters, digits/);
  });

  it("revokes and rotates tokens, and audits both", async () => {
    const { host, token } = await createHost("web-2");
    await revokeHost(host.id);
    expect(await authenticateAgentToken(token)).toEqual({
      ok: false,
      reason: 'the token for host "web-2" was revoked',
    });
    expect((await listHosts()).map((h) => h.name)).not.toContain("web-2");
    expect((await listHosts({ includeRevoked: true })).find((h) => h.name === "web-2")?.revoked).toBe(true);
    const rotated = await rotateHostToken(host.id);
    expect((await authenticateAgentToken(rotated.token)).ok).toBe(true);
    expect((await authenticateAgentToken(token)).ok).toBe(false);
    const actions = (await db.auditEvent.findMany({ where: { hostName: "web-2" }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["host.create", "host.revoke", "host.rotate"]);
  });

  it("enrols the local agent once, rotating its token into a 0600 file, unless turned off", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-local-"));
    expect(
      await enrollLocalAgent({
        serverUrl: "http://127.0.0.1:9",
        dataDir,
        env: { ...process.env, CASEBOOK_LOCAL_AGENT: "0" },
      }),
    ).toBeNull();
    const first = await enrollLocalAgent({
      serverUrl: "http://127.0.0.1:9",
      dataDir,
      env: { ...process.env, CASEBOOK_LOG_LEVEL: "fatal" },
    });
    const file = path.join(dataDir, "local-agent.json");
    const saved1 = JSON.parse(fs.readFileSync(file, "utf8")) as { hostId: string; token: string };
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await first?.stop();
    const second = await enrollLocalAgent({
      serverUrl: "http://127.0.0.1:9",
      dataDir,
      env: { ...process.env, CASEBOOK_LOG_LEVEL: "fatal" },
    });
    await second?.stop();
    const saved2 = JSON.parse(fs.readFileSync(file, "utf8")) as { hostId: string; token: string };
    expect(saved2.hostId).toBe(saved1.hostId);
    expect(saved2.token).not.toBe(saved1.token);
    expect(await db.host.count({ where: { local: true } })).toBe(1);
    expect((await authenticateAgentToken(saved2.token)).ok).toBe(true);
    expect((await authenticateAgentToken(saved1.token)).ok).toBe(false);
    fs.rmSync(dataDir, { recursive: true });
  });
});
