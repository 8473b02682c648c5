// Authority on the /ui namespace with real sockets, a real agent and real better-auth users: the
// session is resolved once per connection, and a ban, role change or sign-out still applies at once
// to open sockets and to a run-all queue; a run is acted on only by its owner or an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const pb = testPlaybook("authority", [
  testStep("ticks", "for i in $(seq 1 40); do echo tick-$i; sleep 0.05; done"),
  testStep("greet", "echo hello"),
]);
const reads = testPlaybook("authority-reads", [
  testStep("slow", "sleep 0.6; echo slow"),
  testStep("after", "echo after"),
]);

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let adminCookie: string;
let adminUser: SessionUser;
let admin: UiClient;
/** Session reads the hub made (the handshake and any re-check), counted through authenticateUser. */
let sessionReads = 0;

async function userOf(cookie: string): Promise<SessionUser> {
  const { userFromHeaders } = await import("@/lib/auth/request-user");
  const user = await userFromHeaders(new Headers({ cookie }));
  if (!user) throw new Error("not signed in");
  return user;
}

/** A signed-in user of `role` with a connected /ui socket. */
async function connectAs(role: Role) {
  const cookie = await h.signIn(role);
  const client = h.uiClient(cookie);
  await client.connected();
  return { cookie, client, user: await userOf(cookie) };
}

async function newRun(client: UiClient, playbook = "authority"): Promise<string> {
  const res = await client.call("run.start", { playbook, hostId, inputs: {} });
  if (!res.ok) throw new Error(`run.start: ${res.error.message}`);
  return res.runId as string;
}

async function ban(userId: string) {
  const { setBanned } = await import("@/lib/auth/user-admin");
  const res = await setBanned(adminUser, { userId, banned: true }, new Headers({ cookie: adminCookie }));
  if (!res.ok) throw new Error(res.message);
}

async function setRole(userId: string, role: Role) {
  const { setRole: set } = await import("@/lib/auth/user-admin");
  const res = await set(adminUser, { userId, role }, new Headers({ cookie: adminCookie }));
  if (!res.ok) throw new Error(res.message);
}

const disconnected = (client: UiClient) =>
  waitFor(
    () => !client.socket.connected,
    3000,
    () => "the socket was not disconnected",
  );

beforeAll(async () => {
  h = await startHarness([pb, reads], {
    authenticateUser: async (headers) => {
      sessionReads++;
      return (await import("@/lib/auth/request-user")).userFromHeaders(headers);
    },
  });
  hostId = (await h.agentFor("authority-box")).hostId;
  adminCookie = await h.signIn("admin");
  adminUser = await userOf(adminCookie);
  admin = h.uiClient(adminCookie);
  await admin.connected();
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe("the /ui session", () => {
  it("is read once per connection, not on every request", async () => {
    const before = sessionReads;
    const { client } = await connectAs("viewer");
    const runId = await newRun(admin);
    for (let i = 0; i < 20; i++) expect(await client.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    expect(sessionReads - before).toBe(1);
  });

  it("disconnects a banned viewer's open socket at once: no more output reaches it", async () => {
    const operator = await connectAs("operator");
    const viewer = await connectAs("viewer");
    const runId = await newRun(operator.client);
    expect(await viewer.client.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const started = await operator.client.call("step.run", { runId, stepId: "ticks" });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    await waitFor(() => viewer.client.output(stepRunId).length > 0);

    await ban(viewer.user.id);
    await disconnected(viewer.client);
    const seen = viewer.client.output(stepRunId).length;
    const all = await operator.client.finished(stepRunId);
    expect(all.verdict).toBe("passed");
    expect(seen).toBeLessThan(operator.client.output(stepRunId).length);
    expect(viewer.client.output(stepRunId).length).toBe(seen);
  });

  it("disconnects a socket whose session was signed out", async () => {
    const viewer = await connectAs("viewer");
    const { auth } = await import("@/lib/auth/auth");
    const { serverBaseUrl } = await import("@/lib/auth/origins");
    await auth.api.signOut({ headers: new Headers({ cookie: viewer.cookie, origin: serverBaseUrl() }) });
    await disconnected(viewer.client);
  });

  it("applies a demotion to the operator's very next step.run", async () => {
    const operator = await connectAs("operator");
    const runId = await newRun(operator.client);
    expect((await operator.client.run(runId, "greet")).view.verdict).toBe("passed");
    await setRole(operator.user.id, "viewer");
    expect(await operator.client.call("step.run", { runId, stepId: "greet" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });
});

describe("run-all", () => {
  it.each([
    ["demoted", (id: string) => setRole(id, "viewer")],
    ["demoted and banned", async (id: string) => (await setRole(id, "viewer"), await ban(id))],
  ])("launches no further step once its user was %s", async (_what, revoke) => {
    const operator = await connectAs("operator");
    const runId = await newRun(operator.client, "authority-reads");
    expect(await operator.client.call("run.runAllRead", { runId })).toEqual({ ok: true });
    await waitFor(async () => ((await h.hub.runs.view(runId))?.steps.length ?? 0) === 1);
    await revoke(operator.user.id);
    await waitFor(async () => !(await h.hub.runs.view(runId))?.runningAllRead, 5000);
    const steps = (await h.hub.runs.view(runId))?.steps ?? [];
    expect(steps.map((s) => [s.stepId, s.verdict])).toEqual([["slow", "passed"]]);
  });
});

describe("run ownership", () => {
  it("refuses a second operator's step, run-all, cancel and finish in another's run; an admin may act", async () => {
    const owner = await connectAs("operator");
    const other = await connectAs("operator");
    const runId = await newRun(owner.client);
    const notYours = { ok: false, error: { code: "forbidden", message: expect.stringContaining("belongs to") } };
    expect(await other.client.call("run.subscribe", { runId })).toMatchObject({ ok: true }); // watching is fine
    expect(await other.client.call("step.run", { runId, stepId: "greet" })).toMatchObject(notYours);
    expect(await other.client.call("run.runAllRead", { runId })).toMatchObject(notYours);
    expect(await other.client.call("step.cancel", { runId })).toMatchObject(notYours);
    expect(await other.client.call("run.finish", { runId })).toMatchObject(notYours);

    await admin.call("run.subscribe", { runId });
    expect((await admin.run(runId, "greet")).view.verdict).toBe("passed");
    expect(await admin.call("run.finish", { runId })).toMatchObject({ ok: true, run: { status: "finished" } });
  });
});
