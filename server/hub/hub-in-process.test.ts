// one-database: SQLite; the same entry point runs on PostgreSQL in app/api/runs/route.test.ts, which
// drives it through the REST routes.
// Hub commands from in-process callers (lib/runs/hub-commands.ts), with a real hub, a real agent
// process and real users: the same payload, role and host-access checks as the /ui socket, refusals
// audited, and a watcher that hears the run's state first and then its steps and output live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { followOutput, runHubCommand, watchRun, type RunEvent } from "@/lib/runs/hub-commands";
import { startHarness, waitFor } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const pb = testPlaybook("in-process", [
  testStep("greet", "echo hello; echo there"),
  testStep("after", "echo after"),
  testStep("slow", "echo started; sleep 30"),
]);

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let operator: SessionUser;
let viewer: SessionUser;
let admin: SessionUser;

async function userOf(role: Role): Promise<SessionUser> {
  const cookie = await h.signIn(role);
  const { userFromHeaders } = await import("@/lib/auth/request-user");
  return (await userFromHeaders(new Headers({ cookie })))!;
}

async function start(user: SessionUser): Promise<string> {
  const res = await runHubCommand(user, "run.start", { playbook: "in-process", hostId });
  if (!res.ok) throw new Error(res.error.message);
  return res.runId;
}

beforeAll(async () => {
  h = await startHarness([pb]);
  hostId = (await h.agentFor("in-process-box")).hostId;
  [operator, viewer, admin] = await Promise.all([userOf("operator"), userOf("viewer"), userOf("admin")]);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe("runHubCommand and watchRun", () => {
  it("starts a run and a step; the watcher hears the run first, then the step and its output live", async () => {
    const runId = await start(operator);
    const events: RunEvent[] = [];
    const watch = await watchRun(viewer, runId, (e) => events.push(e));
    if (!watch.ok) throw new Error(watch.error.message);
    const step = await runHubCommand(operator, "step.run", { runId, stepId: "greet" });
    if (!step.ok) throw new Error(step.error.message);
    const ended = () =>
      events.find((e) => e.type === "step" && e.step.id === step.stepRunId && e.step.verdict !== "running");
    await waitFor(() => ended() !== undefined);
    watch.stop();
    expect(events[0]).toMatchObject({ type: "run", run: { id: runId, status: "active" } });
    const output = events.flatMap((e) => (e.type === "output" && e.stepRunId === step.stepRunId ? [e.data] : []));
    expect(Buffer.concat(output).toString()).toBe("hello\r\nthere\r\n");
    expect(ended()).toMatchObject({ step: { verdict: "passed" } });
    const finished = await runHubCommand(operator, "run.finish", { runId });
    expect(finished).toMatchObject({ ok: true, run: { status: "finished" } });
  });

  it("refuses a role below the command's, audits it, and refuses bad payloads with the field", async () => {
    const refused = await runHubCommand(viewer, "run.start", { playbook: "in-process", hostId });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const audited = await h.db.auditEvent.findFirst({ where: { action: "hub.refused", userId: viewer.id } });
    expect(audited).not.toBeNull();
    const bad = await runHubCommand(operator, "step.run", {
      runId: "x",
      stepId: "greet",
      command: "rm -rf /",
    } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: "bad-request" } });
    expect(await watchRun(viewer, "no-such-run", () => {})).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("applies the host's access list to commands and watchers", async () => {
    const runId = await start(operator);
    const { setHostAccess } = await import("@/lib/hosts/set-host-access");
    await setHostAccess({ hostId, minRole: "admin", emails: null, byUserId: admin.id });
    try {
      expect(await runHubCommand(operator, "step.run", { runId, stepId: "greet" })).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
      expect(await watchRun(operator, runId, () => {})).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await runHubCommand(admin, "step.run", { runId, stepId: "after" })).toMatchObject({ ok: true });
    } finally {
      await setHostAccess({ hostId, minRole: "viewer", emails: null, byUserId: admin.id });
    }
  });

  it("ends a watch and a follow at once when the host's list leaves their user out, saying why", async () => {
    const runId = await start(operator);
    const step = await runHubCommand(operator, "step.run", { runId, stepId: "slow" });
    if (!step.ok) throw new Error(step.error.message);
    const events: RunEvent[] = [];
    const watch = await watchRun(viewer, runId, (e) => events.push(e));
    let ended = false;
    const follow = await followOutput(viewer, runId, step.stepRunId, { data: () => {}, end: () => (ended = true) });
    const kept: RunEvent[] = [];
    const owner = await watchRun(operator, runId, (e) => kept.push(e));
    if (!watch.ok || !follow.ok || !owner.ok) throw new Error("not watching");
    const { setHostAccess } = await import("@/lib/hosts/set-host-access");
    await setHostAccess({ hostId, minRole: "operator", emails: null, byUserId: admin.id });
    try {
      await waitFor(() => ended && events.at(-1)?.type === "refused");
      expect(events.at(-1)).toMatchObject({ type: "refused", message: expect.stringMatching(/operator/) });
      expect(kept.some((e) => e.type === "refused")).toBe(false); // the operator may still watch
    } finally {
      owner.stop();
      await runHubCommand(operator, "step.cancel", { runId });
      await setHostAccess({ hostId, minRole: "viewer", emails: null, byUserId: admin.id });
    }
  });
});
