// Host access lists on the /ui namespace with real sockets, a real agent and real better-auth users:
// a user the list leaves out can neither start, act on nor watch runs on the host, a refusal
// changes nothing, and tightening the list stops a watcher's stream at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const pb = testPlaybook("guarded", [
  testStep("ticks", "for i in $(seq 1 60); do echo tick-$i; sleep 0.05; done"),
  testStep("greet", "echo hello"),
]);
const reads = testPlaybook("guarded-reads", [
  testStep("slow", "sleep 0.6; echo slow"),
  testStep("after", "echo after"),
]);

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let admin: Awaited<ReturnType<typeof connectAs>>;

async function connectAs(role: Role) {
  const cookie = await h.signIn(role);
  const client = h.uiClient(cookie);
  await client.connected();
  const { userFromHeaders } = await import("@/lib/auth/request-user");
  const user = (await userFromHeaders(new Headers({ cookie }))) as SessionUser;
  return { cookie, client, user };
}

async function restrict(minRole: Role, users: SessionUser[] | null) {
  const { setHostAccess } = await import("@/lib/hosts/set-host-access");
  const emails = users && users.map((u) => u.email);
  await setHostAccess({ hostId, minRole, emails, byUserId: admin.user.id });
}

async function newRun(client: UiClient, playbook = "guarded"): Promise<string> {
  const res = await client.call("run.start", { playbook, hostId, inputs: {} });
  if (!res.ok) throw new Error(`run.start: ${res.error.message}`);
  return res.runId as string;
}

/** What a refused request could have changed. */
async function snapshot() {
  const [runs, stepRuns, finished] = await Promise.all([
    h.db.run.count(),
    h.db.stepRun.count(),
    h.db.run.count({ where: { status: "finished" } }),
  ]);
  return { runs, stepRuns, finished };
}

const refusedAudits = () =>
  h.db.auditEvent.findMany({ where: { action: "hub.refused", hostName: "db-prod" }, orderBy: { seq: "asc" } });

beforeAll(async () => {
  h = await startHarness([pb, reads]);
  hostId = (await h.agentFor("db-prod")).hostId;
  admin = await connectAs("admin");
}, 90_000);

beforeEach(async () => {
  await restrict("viewer", null);
});

afterAll(async () => {
  await h?.stop();
});

describe("a host restricted by name", () => {
  it("refuses a non-listed operator everything on it, and the refusal changes nothing", async () => {
    const alice = await connectAs("operator");
    const carol = await connectAs("operator");
    // Carol's own run, from before the restriction: only the access list can refuse her now.
    const runId = await newRun(carol.client);
    const greeted = await carol.client.run(runId, "greet");
    await restrict("viewer", [alice.user]);

    const before = await snapshot();
    const auditsBefore = (await refusedAudits()).length;
    const refused = {
      ok: false,
      error: { code: "forbidden", message: 'Host "db-prod" is restricted to operator and admins.' },
    };
    // The listed user is called by her name, "operator", as the harness names users after roles.
    expect(await carol.client.call("run.start", { playbook: "guarded", hostId, inputs: {} })).toEqual(refused);
    expect(await carol.client.call("run.subscribe", { runId })).toEqual(refused);
    expect(await carol.client.call("step.replay", { runId, stepRunId: greeted.stepRunId })).toEqual(refused);
    expect(await carol.client.call("step.run", { runId, stepId: "greet" })).toEqual(refused);
    expect(await carol.client.call("run.runAllRead", { runId })).toEqual(refused);
    expect(await carol.client.call("step.cancel", { runId })).toEqual(refused);
    expect(await carol.client.call("run.finish", { runId })).toEqual(refused);

    expect(await snapshot()).toEqual(before);
    expect(h.hub.runs.liveState(runId)).toEqual({ activeStepRunId: null, runningAllRead: false });
    const audits = (await refusedAudits()).slice(auditsBefore);
    expect(audits.map((a) => JSON.parse(a.detail!).event)).toEqual([
      "run.start",
      "run.subscribe",
      "step.replay",
      "step.run",
      "run.runAllRead",
      "step.cancel",
      "run.finish",
    ]);
    expect(audits.every((a) => a.userId === carol.user.id)).toBe(true);
  });

  it("lets a listed operator start, watch and run, and an admin too", async () => {
    const alice = await connectAs("operator");
    await restrict("viewer", [alice.user]);
    const runId = await newRun(alice.client);
    expect(await alice.client.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    expect((await alice.client.run(runId, "greet")).output.toString()).toBe("hello\r\n");

    const own = await newRun(admin.client);
    expect((await admin.client.run(own, "greet")).view.verdict).toBe("passed");
    expect(await admin.client.call("run.subscribe", { runId })).toMatchObject({ ok: true });
  });
});

describe("a host restricted by role", () => {
  it("refuses a viewer's watching, and lets an operator run", async () => {
    const operator = await connectAs("operator");
    const viewer = await connectAs("viewer");
    await restrict("operator", null);
    const runId = await newRun(operator.client);
    expect(await viewer.client.call("run.subscribe", { runId })).toEqual({
      ok: false,
      error: { code: "forbidden", message: 'Host "db-prod" is restricted to operators and admins.' },
    });
    expect((await operator.client.run(runId, "greet")).view.verdict).toBe("passed");
  });
});

describe("tightening the list", () => {
  it("stops a watcher's stream at once, with the reason, and leaves the listed owner's alone", async () => {
    const alice = await connectAs("operator");
    const viewer = await connectAs("viewer");
    const runId = await newRun(alice.client);
    expect(await viewer.client.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const errors: string[] = [];
    viewer.client.socket.on("run.error", (e) => errors.push(`${e.runId}: ${e.error.message}`));
    const started = await alice.client.call("step.run", { runId, stepId: "ticks" });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    await waitFor(() => viewer.client.output(stepRunId).length > 0);

    await restrict("viewer", [alice.user]);
    await waitFor(
      () => errors.length > 0,
      1000,
      () => "the watcher was not told",
    );
    const seen = viewer.client.output(stepRunId).length;
    expect(errors).toEqual([`${runId}: Host "db-prod" is restricted to operator and admins.`]);
    expect((await alice.client.finished(stepRunId)).verdict).toBe("passed");
    expect(viewer.client.output(stepRunId).length).toBe(seen);
    expect(seen).toBeLessThan(alice.client.output(stepRunId).length);
    expect(viewer.client.states.filter((s) => s.id === stepRunId).map((s) => s.verdict)).toEqual(["running"]);
    expect(viewer.client.socket.connected).toBe(true); // only this host's runs are closed to them
  });

  it("tells every browser the host's new list", async () => {
    const viewer = await connectAs("viewer");
    const heard: unknown[] = [];
    viewer.client.socket.on("host.status", (host) => host.id === hostId && heard.push(host.access));
    await restrict("admin", null);
    await waitFor(() => heard.length > 0);
    expect(heard).toEqual([{ minRole: "admin", users: null }]);
  });

  it("stops run-all before its next step once its user is left out", async () => {
    const alice = await connectAs("operator");
    const runId = await newRun(alice.client, "guarded-reads");
    expect(await alice.client.call("run.runAllRead", { runId })).toEqual({ ok: true });
    await waitFor(async () => ((await h.hub.runs.view(runId))?.steps.length ?? 0) === 1);
    await restrict("admin", null);
    await waitFor(async () => !(await h.hub.runs.view(runId))?.runningAllRead, 5000);
    const steps = (await h.hub.runs.view(runId))?.steps ?? [];
    expect(steps.map((s) => [s.stepId, s.verdict])).toEqual([["slow", "passed"]]);
  });
});
