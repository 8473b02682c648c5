// The run hub end to end with real parts: HTTP server + socket.io, real agent processes running
// real PTYs, a migrated temp SQLite file and better-auth sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const diag = testPlaybook(
  "itest",
  [
    testStep("greet", 'echo "hello $WHO"', { expect: { exit: 0, match: "^hello world$" } }),
    testStep("exit3", "echo about to fail; exit 3", { onFail: "fix" }),
    testStep("exit3-ok", "exit 3", { expect: { exit: 3 } }),
    testStep("nomatch", "echo foo", { expect: { exit: 0, match: "bar" } }),
    testStep("secret", 'echo "token=$API_TOKEN"; printf "%s" "$API_TOKEN" | wc -c'),
    testStep("colors", "printf '\\033[32mall good\\033[0m\\n'", { expect: { exit: 0, match: "^all good$" } }),
    testStep("sleepy", "echo waiting; sleep 30", { timeout: 1 }),
    testStep("long", "echo started; sleep 30"),
    testStep("install", "echo changing", { risk: "change" }),
    testStep("wipe", "echo wiping", { risk: "danger" }),
    testStep("fix", "echo fixed"),
  ],
  {
    tags: ["diag"],
    inputs: [
      { name: "WHO", label: "Who", default: "world", required: false, secret: false, pattern: "^[a-z]+$" },
      { name: "API_TOKEN", label: "API token", required: true, secret: true },
    ],
  },
);
const allRead = testPlaybook("all-read", [
  testStep("one", "echo one"),
  testStep("change-skipped", "echo never", { risk: "change" }),
  testStep("two", "exit 1"),
  testStep("three", "echo three"),
]);

const SECRET = "s3cr3t-VALUE-42";
let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let operator: UiClient;
let admin: UiClient;
let viewer: UiClient;

async function newRun(
  client: UiClient,
  playbook = "itest",
  inputs: Record<string, string> = { API_TOKEN: SECRET },
  host = hostId,
): Promise<string> {
  const res = await client.call("run.start", { playbook, hostId: host, inputs });
  if (!res.ok) throw new Error(`run.start: ${res.error.message}`);
  return res.runId as string;
}

beforeAll(async () => {
  h = await startHarness([diag, allRead]);
  hostId = (await h.agentFor("box", ["--max-risk", "danger"])).hostId;
  operator = h.uiClient(await h.signIn("operator"));
  admin = h.uiClient(await h.signIn("admin"));
  viewer = h.uiClient(await h.signIn("viewer"));
  await Promise.all([operator.connected(), admin.connected(), viewer.connected()]);
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe("steps on a real agent", () => {
  it("passes inputs as environment, judges exit codes and expectations, suggests the next step", async () => {
    const runId = await newRun(operator);
    const greet = await operator.run(runId, "greet");
    expect(greet.output.toString()).toBe("hello world\r\n");
    expect(greet.view).toMatchObject({ verdict: "passed", exitCode: 0, suggestedNext: "exit3" });

    const failed = await operator.run(runId, "exit3");
    expect(failed.view).toMatchObject({
      verdict: "failed",
      exitCode: 3,
      reason: "exit code 3, expected 0",
      suggestedNext: "fix",
    });
    expect((await operator.run(runId, "exit3-ok")).view.verdict).toBe("passed");
    expect((await operator.run(runId, "nomatch")).view).toMatchObject({
      verdict: "failed",
      reason: "output does not match /bar/",
    });
    expect((await operator.run(runId, "colors")).view.verdict).toBe("passed");

    const run = await operator.call("run.subscribe", { runId });
    expect(run.ok && (run.run as { steps: unknown[]; suggestedNext: string }).steps).toHaveLength(5);
  });

  it("masks secret inputs in live output, storage, the run record and replays", async () => {
    const runId = await newRun(operator);
    const { stepRunId, output } = await operator.run(runId, "secret");
    expect(output.toString()).toBe(`token=********\r\n${SECRET.length}\r\n`);
    const stored = await h.db.outputChunk.findMany({ where: { stepRunId } });
    expect(Buffer.concat(stored.map((c) => Buffer.from(c.data))).toString()).not.toContain(SECRET);
    const row = await h.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row.inputs).toEqual({ WHO: "world", API_TOKEN: "********" });
    expect(row.contentHash).toBe(diag.contentHash);
  });

  it("audits every execution with user, host, playbook@hash, command, exit code and times", async () => {
    const events = await h.db.auditEvent.findMany({
      where: { action: "step.run", stepId: "exit3" },
      include: { user: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      hostName: "box",
      playbook: "itest@0123456789ab",
      command: "echo about to fail; exit 3",
      exitCode: 3,
      verdict: "failed",
    });
    expect(events[0]!.user?.role).toBe("operator");
    expect(events[0]!.endedAt!.getTime()).toBeGreaterThanOrEqual(events[0]!.startedAt!.getTime());
  });

  it("validates inputs at run start", async () => {
    expect(await operator.call("run.start", { playbook: "itest", hostId, inputs: {} })).toEqual({
      ok: false,
      error: { code: "bad-request", message: "input API_TOKEN (API token) is required" },
    });
    const bad = await operator.call("run.start", {
      playbook: "itest",
      hostId,
      inputs: { API_TOKEN: "x", WHO: "Robert'); DROP" },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "bad-request", message: "input WHO (Who) must match /^[a-z]+$/" },
    });
    expect(await operator.call("run.start", { playbook: "nope", hostId, inputs: {} })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("refuses a browser that sends a command, and checks roles", async () => {
    const runId = await newRun(operator);
    const sneaky = await operator.call("step.run", { runId, stepId: "greet", command: "rm -rf /" });
    expect(sneaky).toMatchObject({ ok: false, error: { code: "bad-request" } });
    expect(!sneaky.ok && sneaky.error.message).toMatch(/Unrecognized key.*"command"/);
    const sneakyStart = await operator.call("run.start", {
      playbook: "itest",
      hostId,
      inputs: { API_TOKEN: "x" },
      command: "id",
    });
    expect(sneakyStart).toMatchObject({ ok: false, error: { code: "bad-request" } });

    expect(await viewer.call("run.start", { playbook: "itest", hostId, inputs: { API_TOKEN: "x" } })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await viewer.call("step.run", { runId, stepId: "greet" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    // Each refusal is in the audit log, under the viewer, with the host it names or its run's host.
    const refusals = await h.db.auditEvent.findMany({
      where: { action: "hub.refused", userName: "viewer" },
      orderBy: { seq: "asc" },
    });
    expect(refusals.map((r) => [JSON.parse(r.detail ?? "{}").event, r.hostName !== null])).toEqual([
      ["run.start", true],
      ["step.run", true],
    ]);
    // Viewers may watch.
    expect(await viewer.call("run.subscribe", { runId })).toMatchObject({ ok: true });
  });

  it("asks confirmation for change steps, an admin and the typed id for danger steps", async () => {
    const runId = await newRun(operator);
    expect(await operator.call("step.run", { runId, stepId: "install" })).toMatchObject({
      ok: false,
      error: { code: "needs-confirmation" },
    });
    expect((await operator.run(runId, "install", { confirm: true })).view.verdict).toBe("passed");
    expect(
      await operator.call("step.run", { runId, stepId: "wipe", confirm: true, typedStepId: "wipe" }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await admin.call("run.subscribe", { runId });
    expect(await admin.call("step.run", { runId, stepId: "wipe", confirm: true, typedStepId: "wip" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect((await admin.run(runId, "wipe", { confirm: true, typedStepId: "wipe" })).output.toString()).toBe(
      "wiping\r\n",
    );
  });

  it("times out a step and cancels another, keeping their output", async () => {
    const runId = await newRun(operator);
    const timed = await operator.run(runId, "sleepy");
    expect(timed.view).toMatchObject({ verdict: "timed-out", reason: "timed out after 1 s" });
    expect(timed.output.toString()).toContain("waiting");

    const started = await operator.call("step.run", { runId, stepId: "long" });
    expect(started.ok).toBe(true);
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    expect(await operator.call("step.run", { runId, stepId: "greet" })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    expect(await operator.call("step.cancel", { runId })).toEqual({ ok: true });
    const view = await operator.finished(stepRunId);
    expect(view.verdict).toBe("cancelled");
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(operator.output(stepRunId).toString()).toContain("started");
  });

  it("runs all read steps along the decision tree and stops before a change step, saying why", async () => {
    const runId = await newRun(operator, "all-read", {});
    expect(await operator.call("run.runAllRead", { runId })).toEqual({ ok: true });
    let view: Awaited<ReturnType<typeof h.hub.runs.view>> = null;
    await waitFor(async () => {
      view = await h.hub.runs.view(runId);
      return !view?.runningAllRead && view?.walk?.stopped != null && view.activeStepRunId === null;
    });
    expect(view!.steps.map((s) => [s.stepId, s.verdict])).toEqual([["one", "passed"]]);
    expect(view!.walk).toEqual({
      path: [{ stepId: "one", verdict: "passed", reason: null }],
      stopped: "stopped: next step `change-skipped` changes the host; run it yourself",
    });
    // Kept with the run: a reload (a fresh view from the database) still says why it stopped.
    const { loadRunView } = await import("@/lib/runs/run-views");
    expect((await loadRunView(runId, allRead))?.walk?.stopped).toBe(view!.walk!.stopped);
  });

  it("replays a finished step exactly and serves it as asciicast", async () => {
    const runId = await newRun(operator);
    const { stepRunId, output } = await operator.run(runId, "colors");
    const watcher = h.uiClient(await h.signIn("viewer"));
    await watcher.connected();
    const replayed: Buffer[] = [];
    let done = false;
    watcher.socket.on("step.replay", (c) => {
      replayed.push(Buffer.from(c.data));
      done = c.done;
    });
    expect(await watcher.call("step.replay", { runId, stepRunId })).toMatchObject({
      ok: true,
      totalBytes: output.length,
    });
    await waitFor(() => done);
    expect(Buffer.concat(replayed).equals(output)).toBe(true);

    const { castStream } = await import("@/lib/runs/cast");
    const cast = await new Response(
      castStream({
        id: stepRunId,
        stepId: "colors",
        shell: "bash",
        cols: 120,
        rows: 30,
        startedAt: new Date(),
        title: "t",
      }),
    ).text();
    const [header, ...events] = cast.trimEnd().split("\n");
    expect(JSON.parse(header!)).toMatchObject({ version: 2, width: 120, height: 30 });
    expect(events.map((e) => (JSON.parse(e) as [number, string, string])[2]).join("")).toBe(output.toString());
  });

  it("shows the same live output to everyone watching", async () => {
    const runId = await newRun(operator);
    const second = h.uiClient(await h.signIn("viewer"));
    await second.connected();
    await second.call("run.subscribe", { runId });
    const { stepRunId, output } = await operator.run(runId, "greet");
    await second.finished(stepRunId);
    expect(second.output(stepRunId).equals(output)).toBe(true);
  });

  it("refuses an unauthenticated browser", async () => {
    const anon = h.uiClient(null);
    await expect(anon.connected()).rejects.toThrow(/unauthorized/);
  });
});

describe("agent policy", () => {
  it("refuses steps above --max-risk or outside --allow-tags, with the reason recorded", async () => {
    const statuses: { name: string; online: boolean; policy: unknown }[] = [];
    viewer.socket.on("host.status", (host) => statuses.push(host));
    const readOnly = await h.agentFor("read-only", ["--max-risk", "read"]);
    await waitFor(() => statuses.some((s) => s.name === "read-only" && s.online));
    expect(statuses.find((s) => s.name === "read-only")?.policy).toEqual({
      maxRisk: "read",
      allowTags: null,
      allowPlaybooks: null,
    });
    const runId = await newRun(operator, "itest", { API_TOKEN: "x" }, readOnly.hostId);
    const refused = await operator.run(runId, "install", { confirm: true });
    expect(refused.view.verdict).toBe("refused");
    expect(refused.view.reason).toMatch(
      /refused by the agent on read-only: this agent accepts steps up to risk "read"/,
    );
    expect((await operator.run(runId, "greet")).view.verdict).toBe("passed");

    const tagged = await h.agentFor("tagged", ["--allow-tags", "k8s,net"]);
    const run2 = await newRun(operator, "itest", { API_TOKEN: "x" }, tagged.hostId);
    expect((await operator.run(run2, "greet")).view.reason).toMatch(
      /only playbooks tagged k8s, net; "itest" has tags: diag/,
    );
  });
});

describe("agent tokens", () => {
  it("refuses a bad token and a revoked one; the agent exits with status 78", async () => {
    const bad = h.spawnAgent("cbk_not-a-real-token");
    expect(await bad.exited).toBe(78);
    expect(bad.log()).toMatch(/unknown agent token/);

    const enrolled = await h.agentFor("to-revoke");
    await h.hosts.revokeHost(enrolled.hostId);
    expect(await enrolled.exited).toBe(78); // dropped, then refused on reconnect
    expect(enrolled.log()).toMatch(/revoked/);
    const again = h.spawnAgent(enrolled.token);
    expect(await again.exited).toBe(78);
    expect(h.hub.runs.isConnected(enrolled.hostId)).toBe(false);
  });
});
