// The run JSON and .cast download routes, called as Next.js would, with a real better-auth
// session and a real migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-runs-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { GET: getRun } = await import("./route");
const { GET: getCast } = await import("./steps/[stepRunId]/cast/route");

const origin = serverBaseUrl();
let cookie = "";
let runId = "";
let stepRunId = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "v@example.com", name: "Vera", role: "viewer" }, "198.51.100.9");
  const host = await db.host.create({ data: { name: "box", tokenHash: "h", tokenPrefix: "cbk_x" } });
  const run = await db.run.create({
    data: {
      playbookSlug: "no-such-playbook",
      contentHash: "abc",
      hostId: host.id,
      inputs: { A: "1" },
      status: "finished",
    },
  });
  const step = await db.stepRun.create({
    data: {
      runId: run.id,
      stepId: "s1",
      title: "S1",
      risk: "read",
      command: "echo",
      shell: "bash",
      verdict: "passed",
      exitCode: 0,
      outputBytes: 9,
      startedAt: new Date(1_700_000_000_000),
    },
  });
  // "é" split across two stored chunks must come out whole in the .cast text.
  const e = Buffer.from("é");
  await db.outputChunk.createMany({
    data: [
      { stepRunId: step.id, seq: 0, t: 0.01, data: Buffer.concat([Buffer.from("caf"), e.subarray(0, 1)]) },
      { stepRunId: step.id, seq: 1, t: 0.5, data: Buffer.concat([e.subarray(1), Buffer.from("\r\n\x1b[1m")]) },
    ],
  });
  runId = run.id;
  stepRunId = step.id;
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const req = (path: string, withCookie = true) =>
  new Request(`${origin}${path}`, { headers: withCookie ? { cookie } : {} });

describe("GET /api/runs/:id", () => {
  it("needs a session, 404s unknown runs and returns the run view", async () => {
    expect((await getRun(req(`/api/runs/${runId}`, false), { params: Promise.resolve({ id: runId }) })).status).toBe(
      401,
    );
    expect((await getRun(req("/api/runs/nope"), { params: Promise.resolve({ id: "nope" }) })).status).toBe(404);
    const res = await getRun(req(`/api/runs/${runId}`), { params: Promise.resolve({ id: runId }) });
    expect(res.status).toBe(200);
    const { run } = (await res.json()) as {
      run: { hostName: string; stale: boolean; steps: { stepId: string; verdict: string; exitCode: number }[] };
    };
    expect(run).toMatchObject({ hostName: "box", status: "finished", inputs: { A: "1" }, stale: true });
    expect(run.steps).toMatchObject([{ stepId: "s1", verdict: "passed", exitCode: 0 }]);
  });
});

describe("GET /api/runs/:id/steps/:stepRunId/cast", () => {
  it("streams asciicast v2 with whole characters", async () => {
    const res = await getCast(req(`/api/runs/${runId}/steps/${stepRunId}/cast`), {
      params: Promise.resolve({ id: runId, stepRunId }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="no-such-playbook-s1-.*\.cast"/);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(JSON.parse(lines[0]!)).toEqual({
      version: 2,
      width: 120,
      height: 30,
      timestamp: 1_700_000_000,
      title: "no-such-playbook · s1",
      env: { TERM: "xterm-256color", SHELL: "bash" },
    });
    expect(lines.slice(1).map((l) => JSON.parse(l))).toEqual([
      [0.01, "o", "caf"],
      [0.5, "o", "é\r\n\x1b[1m"],
    ]);
  });

  it("404s a step run from another run", async () => {
    const res = await getCast(req(`/api/runs/other/steps/${stepRunId}/cast`), {
      params: Promise.resolve({ id: "other", stepRunId }),
    });
    expect(res.status).toBe(404);
  });
});

describe("a run on a host whose access list leaves the user out", () => {
  it("refuses its view and its output with the reason (403), and serves them again once the host opens", async () => {
    const { hostId } = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { hostId: true } });
    await db.host.update({ where: { id: hostId }, data: { accessMinRole: "operator" } });
    const reason = 'Host "box" is restricted to operators and admins.';
    const run = await getRun(req(`/api/runs/${runId}`), { params: Promise.resolve({ id: runId }) });
    expect(run.status).toBe(403);
    expect(await run.json()).toEqual({ error: reason });
    const cast = await getCast(req(`/api/runs/${runId}/steps/${stepRunId}/cast`), {
      params: Promise.resolve({ id: runId, stepRunId }),
    });
    expect(cast.status).toBe(403);
    expect(await cast.json()).toEqual({ error: reason });

    await db.host.update({ where: { id: hostId }, data: { accessMinRole: "viewer" } });
    expect((await getRun(req(`/api/runs/${runId}`), { params: Promise.resolve({ id: runId }) })).status).toBe(200);
  });
});
