// The REST API for runs, hosts and playbooks through the real route handlers, called as Next.js
// would, in the process of a real hub (testing/hub-harness.ts) with a real agent process and real
// better-auth sessions: the same guards as the /ui socket, and output recorded and followed live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { RunView, StepRunView } from "@/lib/runs/protocol";
import { startHarness } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const pb = testPlaybook("rest", [
  testStep("greet", "echo hello; echo there", { expect: { exit: 0 } }),
  testStep("ticks", "for i in 1 2 3 4 5; do echo tick-$i; sleep 0.1; done"),
  testStep("change", "echo changing", { risk: "change" }),
]);
const walk = testPlaybook("rest-walk", [testStep("one", "echo one"), testStep("stop", "echo no", { risk: "change" })]);

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let origin: string;
const cookies = {} as Record<Role, string>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes = {} as Record<string, Record<string, Handler>>;

async function call(
  method: string,
  file: string,
  path: string,
  { as = "operator", params = {}, body }: { as?: Role; params?: Record<string, string>; body?: unknown } = {},
) {
  const headers: Record<string, string> = { cookie: cookies[as] };
  if (method !== "GET") headers.origin = origin;
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${origin}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return routes[file]![method]!(req, { params: Promise.resolve(params) });
}

async function startRun(playbook = "rest"): Promise<string> {
  const res = await call("POST", "runs", "/api/runs", { body: { playbook, hostId } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { runId: string }).runId;
}

async function runStep(runId: string, stepId: string): Promise<string> {
  const res = await call("POST", "steps", `/api/runs/${runId}/steps`, { params: { id: runId }, body: { stepId } });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { stepRunId: string }).stepRunId;
}

async function waitStep(runId: string, stepRunId: string, as: Role = "viewer"): Promise<StepRunView> {
  const path = `/api/runs/${runId}/steps/${stepRunId}?wait=20`;
  const res = await call("GET", "step", path, { as, params: { id: runId, stepRunId } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { step: StepRunView }).step;
}

beforeAll(async () => {
  h = await startHarness([pb, walk]);
  origin = (await import("@/lib/auth/origins")).serverBaseUrl();
  const [agent, operator, viewer, admin] = await Promise.all([
    h.agentFor("rest-box"),
    h.signIn("operator"),
    h.signIn("viewer"),
    h.signIn("admin"),
  ]);
  hostId = agent.hostId;
  Object.assign(cookies, { operator, viewer, admin });
  const files = {
    runs: import("./route"),
    run: import("./[id]/route"),
    steps: import("./[id]/steps/route"),
    step: import("./[id]/steps/[stepRunId]/route"),
    output: import("./[id]/steps/[stepRunId]/output/route"),
    events: import("./[id]/events/route"),
    runAllRead: import("./[id]/run-all-read/route"),
    cancel: import("./[id]/cancel/route"),
    finish: import("./[id]/finish/route"),
    hosts: import("../hosts/route"),
    host: import("../hosts/[id]/route"),
    playbooks: import("../playbooks/route"),
    playbook: import("../playbooks/[slug]/route"),
  };
  for (const [name, mod] of Object.entries(files)) routes[name] = (await mod) as unknown as Record<string, Handler>;
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe("runs over HTTP", () => {
  it("starts a run, runs a step, waits for its verdict, reads its output and follows the run's events", async () => {
    const runId = await startRun();
    const events = await call("GET", "events", `/api/runs/${runId}/events`, { as: "viewer", params: { id: runId } });
    expect(events.headers.get("content-type")).toBe("application/x-ndjson");
    const stepRunId = await runStep(runId, "greet");
    expect(await waitStep(runId, stepRunId)).toMatchObject({ verdict: "passed", exitCode: 0 });
    const output = await call("GET", "output", `/api/runs/${runId}/steps/${stepRunId}/output`, {
      as: "viewer",
      params: { id: runId, stepRunId },
    });
    expect(await output.text()).toBe("hello\r\nthere\r\n");
    const finished = await call("POST", "finish", `/api/runs/${runId}/finish`, { params: { id: runId } });
    expect(((await finished.json()) as { run: RunView }).run.status).toBe("finished");
    // The stream ends on its own once the run is over.
    const lines = (await events.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: "run", run: { id: runId, status: "active" } });
    const bytes = lines.flatMap((l) => (l.type === "output" ? [Buffer.from(l.data as string, "base64")] : []));
    expect(Buffer.concat(bytes).toString()).toBe("hello\r\nthere\r\n");
    expect(lines.some((l) => l.type === "step" && (l.step as StepRunView).verdict === "passed")).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: "run", run: { status: "finished" } });
  });

  it("follows a running step's output live until it ends", async () => {
    const runId = await startRun();
    const stepRunId = await runStep(runId, "ticks");
    const path = `/api/runs/${runId}/steps/${stepRunId}/output?follow=1`;
    const res = await call("GET", "output", path, { as: "viewer", params: { id: runId, stepRunId } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe([1, 2, 3, 4, 5].map((i) => `tick-${i}\r\n`).join(""));
    expect((await waitStep(runId, stepRunId)).verdict).toBe("passed");
  });

  it("walks the read steps and says why it stopped", async () => {
    const runId = await startRun("rest-walk");
    const res = await call("POST", "runAllRead", `/api/runs/${runId}/run-all-read`, { params: { id: runId } });
    expect(res.status).toBe(202);
    const events = await call("GET", "events", `/api/runs/${runId}/events`, { as: "viewer", params: { id: runId } });
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    let stopped: string | null = null;
    while (stopped === null) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      for (const line of text.split("\n").filter((l) => l.startsWith('{"type":"run"'))) {
        stopped = (JSON.parse(line) as { run: RunView }).run.walk?.stopped ?? stopped;
      }
    }
    await reader.cancel();
    expect(stopped).toMatch(/stop/);
  });

  it("refuses with the hub's reasons: role, bad input, confirmation, unknown run", async () => {
    const asViewer = await call("POST", "runs", "/api/runs", { as: "viewer", body: { playbook: "rest", hostId } });
    expect(asViewer.status).toBe(403);
    const bad = await call("POST", "runs", "/api/runs", { body: { playbook: "rest", hostId, command: "id" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/command/);
    const runId = await startRun();
    const change = await call("POST", "steps", `/api/runs/${runId}/steps`, {
      params: { id: runId },
      body: { stepId: "change" },
    });
    expect(change.status).toBe(409);
    expect(await change.json()).toMatchObject({ code: "needs-confirmation" });
    const none = await call("POST", "cancel", "/api/runs/nope/cancel", { params: { id: "nope" } });
    expect(none.status).toBe(409); // as on the socket: no active run of that id here
    expect(((await none.json()) as { error: string }).error).toMatch(/nope|run/i);
    const wait = await call("GET", "step", `/api/runs/${runId}/steps/x?wait=99`, {
      as: "viewer",
      params: { id: runId, stepRunId: "x" },
    });
    expect(wait.status).toBe(400);
  });
});

describe("hosts and playbooks over HTTP", () => {
  it("lists hosts and their status as the host's access list allows", async () => {
    const list = async (as: Role) => {
      const res = await call("GET", "hosts", "/api/hosts", { as });
      return ((await res.json()) as { hosts: { id: string; online: boolean }[] }).hosts;
    };
    expect(await list("viewer")).toContainEqual(expect.objectContaining({ id: hostId, online: true }));
    const { setHostAccess } = await import("@/lib/hosts/set-host-access");
    const admin = await h.db.user.findFirstOrThrow({ where: { role: "admin" } });
    await setHostAccess({ hostId, minRole: "admin", emails: null, byUserId: admin.id });
    try {
      expect((await list("viewer")).map((host) => host.id)).not.toContain(hostId);
      const one = await call("GET", "host", `/api/hosts/${hostId}`, { as: "viewer", params: { id: hostId } });
      expect(one.status).toBe(403);
      const start = await call("POST", "runs", "/api/runs", { body: { playbook: "rest", hostId } });
      expect(start.status).toBe(403);
    } finally {
      await setHostAccess({ hostId, minRole: "viewer", emails: null, byUserId: admin.id });
    }
    const one = await call("GET", "host", `/api/hosts/${hostId}`, { as: "viewer", params: { id: hostId } });
    expect(await one.json()).toMatchObject({ host: { id: hostId, name: "rest-box" } });
  });

  it("lists and reads playbooks from the content index, with their steps", async () => {
    const res = await call("GET", "playbooks", "/api/playbooks", { as: "viewer" });
    const { playbooks } = (await res.json()) as { playbooks: { slug: string; steps: unknown[] }[] };
    const podman = playbooks.find((p) => p.slug === "ray-actor-pending-creation-podman");
    expect(podman?.steps.length).toBeGreaterThan(0);
    const params = { slug: "ray-actor-pending-creation-podman" };
    const one = await call("GET", "playbook", "/api/playbooks/ray-actor-pending-creation-podman", {
      as: "viewer",
      params,
    });
    const { playbook } = (await one.json()) as { playbook: { steps: { command: string; risk: string }[] } };
    expect(playbook.steps[0]).toMatchObject({ command: expect.any(String), risk: expect.any(String) });
    const missing = await call("GET", "playbook", "/api/playbooks/nope", { as: "viewer", params: { slug: "nope" } });
    expect(missing.status).toBe(404);
  });
});
