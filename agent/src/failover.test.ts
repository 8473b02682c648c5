// A real agent process given several server URLs, against bare socket.io servers on 127.0.0.1 that
// speak just enough of the protocol: it skips a dead one, and when its server goes away mid-step it
// carries the step's unacknowledged output over to the next one. (Test-only: socket.io's server
// comes from the repository's dev tools; the agent package itself never imports it.)
import type { ChildProcess } from "node:child_process";
import { spawnAgentProcess } from "@/testing/agent-process";
import crypto from "node:crypto";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseArgs } from "./cli";
import { MAX_CHUNK_BYTES } from "./outgoing-output";
import {
  AGENT_NAMESPACE,
  type AgentHello,
  type AgentWelcome,
  type StepAck,
  type StepExit,
  type StepOutput,
  type StepStart,
} from "./protocol";

interface HubOptions {
  port?: number;
  /** Acknowledge every chunk as it arrives (a server that keeps up). */
  ackOutput?: boolean;
  /** What this server already has of a step the agent reports active (as the real hub acks on hello). */
  hasUpTo?: (stepRunId: string) => number;
}

/** Welcomes any agent and records what it says; sends steps when told to. */
class BareHub {
  private readonly http = http.createServer();
  private readonly io = new Server(this.http, { transports: ["websocket"] });
  private agent: Socket | null = null;
  readonly hellos: Array<{ hello: AgentHello; instance: unknown }> = [];
  readonly chunks: StepOutput[] = [];
  readonly exits = new Map<string, StepExit>();
  url = "";

  static async start(options: HubOptions = {}): Promise<BareHub> {
    const hub = new BareHub(options);
    await new Promise<void>((resolve) => hub.http.listen(options.port ?? 0, "127.0.0.1", resolve));
    hub.url = `http://127.0.0.1:${hub.port}`;
    hubs.push(hub);
    return hub;
  }

  private constructor(options: HubOptions) {
    this.io.of(AGENT_NAMESPACE).on("connection", (socket) => {
      socket.on("hello", (hello: AgentHello, reply: (welcome: AgentWelcome) => void) => {
        this.hellos.push({ hello, instance: (socket.handshake.auth as { instance?: unknown }).instance });
        this.agent = socket;
        for (const { stepRunId } of hello.active) {
          const offset = options.hasUpTo?.(stepRunId);
          if (offset !== undefined) socket.emit("step.ack", { stepRunId, offset } satisfies StepAck);
        }
        reply({ ok: true, hostId: "h1", hostName: "box", windowBytes: 1 << 20, heartbeatMs: 60_000, forget: [] });
      });
      socket.on("step.output", (chunk: StepOutput) => {
        const data = Buffer.from(chunk.data);
        this.chunks.push({ ...chunk, data });
        if (options.ackOutput)
          socket.emit("step.ack", { stepRunId: chunk.stepRunId, offset: chunk.offset + data.length });
      });
      socket.on("step.exit", (exit: StepExit, ack: () => void) => {
        this.exits.set(exit.stepRunId, exit);
        ack();
      });
    });
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** Sends the agent a step; returns its id. */
  start(command: string, maxOutputBytes = 1 << 20): string {
    const stepRunId = crypto.randomUUID();
    this.agent?.emit("step.start", {
      stepRunId,
      runId: "run-1",
      playbook: "failover",
      contentHash: "0123456789ab",
      playbookTags: [],
      stepId: "s",
      risk: "read",
      shell: "bash",
      command,
      env: {},
      timeoutMs: 30_000,
      maxOutputBytes,
      cols: 80,
      rows: 24,
    } satisfies StepStart);
    return stepRunId;
  }

  /** Bytes of the step this server received. */
  received(stepRunId: string): number {
    return this.chunksOf(stepRunId).reduce((n, c) => n + c.data.length, 0);
  }

  /** Acknowledges everything received so far, of every step. */
  ackAll(): void {
    const ends = new Map<string, number>();
    for (const c of this.chunks) ends.set(c.stepRunId, Math.max(ends.get(c.stepRunId) ?? 0, c.offset + c.data.length));
    for (const [stepRunId, offset] of ends) this.agent?.emit("step.ack", { stepRunId, offset } satisfies StepAck);
  }

  /** The step's bytes as this server received them, from the first offset it got. */
  output(stepRunId: string): string {
    return Buffer.concat(this.chunksOf(stepRunId).map((c) => c.data)).toString();
  }

  private chunksOf(stepRunId: string): StepOutput[] {
    return this.chunks.filter((c) => c.stepRunId === stepRunId);
  }

  async close(): Promise<void> {
    hubs.splice(hubs.indexOf(this), 1);
    await this.io.close();
  }
}

const hubs: BareHub[] = [];
const agents: ChildProcess[] = [];

function spawnAgent(args: string[], env: Record<string, string> = {}) {
  const agent = spawnAgentProcess(["--token", "t", "--kill-grace", "0.5", ...args], {
    CASEBOOK_LOG_LEVEL: "info",
    ...env,
  });
  agents.push(agent.proc);
  /** The agent's JSON log lines with this message. */
  const lines = (msg: string) =>
    agent
      .log()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === msg);
  return { exited: agent.exited, log: agent.log, lines };
}

async function waitFor(check: () => boolean, message: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A port nothing listens on (it did a moment ago). */
async function deadUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  for (const proc of agents.splice(0)) {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGKILL");
      await new Promise((resolve) => proc.once("exit", resolve));
    }
  }
  for (const hub of [...hubs]) await hub.close();
  vi.unstubAllEnvs();
});

describe("casebook-agent with several --server URLs (a real agent, bare servers)", () => {
  it("skips a server it cannot reach and connects to the next", async () => {
    const dead = await deadUrl();
    const live = await BareHub.start();
    const agent = spawnAgent(["--server", `${dead},${live.url}`]);
    await waitFor(
      () => agent.lines("connected").length > 0,
      () => `never connected:\n${agent.log()}`,
    );
    expect(live.hellos).toHaveLength(1);
    expect(agent.lines("cannot reach the server; retrying")[0]).toMatchObject({ server: dead, next: live.url });
    expect(agent.lines("connected")).toMatchObject([{ server: live.url, hostId: "h1" }]);
  });

  it("moves a running step to the next server when its server goes, resending from that server's ack", async () => {
    const one = await BareHub.start();
    // The second server has the first 5 bytes already (say, from the shared database).
    const two = await BareHub.start({ ackOutput: true, hasUpTo: () => 5 });
    const agent = spawnAgent(["--server", one.url, "--server", two.url]);
    await waitFor(
      () => one.hellos.length === 1,
      () => `never said hello to the first server:\n${agent.log()}`,
    );
    const stepRunId = one.start("printf first; sleep 0.3; printf second; sleep 1.5; printf third");
    await waitFor(
      () => one.output(stepRunId) === "firstsecond",
      () => `the first server got ${JSON.stringify(one.output(stepRunId))}:\n${agent.log()}`,
    );
    await one.close();

    await waitFor(
      () => two.exits.has(stepRunId),
      () => `the step never ended on the second server:\n${agent.log()}`,
    );
    expect(two.hellos).toHaveLength(1);
    expect(two.hellos[0]!.hello.active).toEqual([{ stepRunId }]);
    // The same process: the servers can tell it from a second agent with the same token.
    expect(two.hellos[0]!.instance).toBe(one.hellos[0]!.instance);
    // The first server acked nothing; the second said it has 5 bytes: the agent sent the rest.
    expect(two.chunks[0]).toMatchObject({ stepRunId, offset: 5 });
    expect(two.output(stepRunId)).toBe("secondthird");
    expect(two.exits.get(stepRunId)).toMatchObject({ exitCode: 0, cause: "exited", totalBytes: 16 });
    // Once more on the server that dropped, then on to the next one.
    expect(agent.lines("disconnected")[0]).toMatchObject({ server: one.url, next: one.url, unsentSteps: 1 });
    expect(agent.lines("cannot reach the server; retrying")[0]).toMatchObject({ server: one.url, next: two.url });
    expect(agent.lines("connected")).toMatchObject([
      { server: one.url, resuming: 0 },
      { server: two.url, resuming: 1 },
    ]);
  });

  it("with one URL, comes back to a server that restarts", async () => {
    const first = await BareHub.start();
    const agent = spawnAgent(["--server", first.url]);
    await waitFor(
      () => first.hellos.length === 1,
      () => `never said hello:\n${agent.log()}`,
    );
    const { port } = first;
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await BareHub.start({ port });
    await waitFor(
      () => again.hellos.length === 1,
      () => `never came back:\n${agent.log()}`,
    );
    expect(again.hellos[0]!.instance).toBe(first.hellos[0]!.instance);
    // The hub can hear the hello before this process has read the agent's log line for it.
    await waitFor(
      () => agent.lines("connected").length === 2,
      () => `no second "connected" line:\n${agent.log()}`,
    );
    expect(agent.lines("connected").map((line) => line.server)).toEqual([first.url, first.url]);
  });
});

describe("casebook-agent's credit window (a real agent, a bare server that acknowledges when told)", () => {
  const WINDOW = 1 << 20; // BareHub's welcome
  const LOUD = "yes casebook | head -c 3000000";
  const loud = (hub: BareHub) => hub.start(LOUD, 64 << 20); // no output cap in the way

  /** Resolves once no step's byte count moved for `quietMs`. */
  async function settled(hub: BareHub, quietMs = 400): Promise<void> {
    let last = -1;
    while (hub.chunks.length !== last) {
      last = hub.chunks.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  it("shares the window among its steps: one that starts late waits behind one window, not four", async () => {
    const hub = await BareHub.start();
    const agent = spawnAgent(["--server", hub.url]);
    await waitFor(
      () => hub.hellos.length === 1,
      () => `never said hello:\n${agent.log()}`,
    );
    const first = loud(hub);
    await waitFor(
      () => hub.received(first) >= WINDOW,
      () => `the first step sent ${hub.received(first)} bytes:\n${agent.log()}`,
    );
    await settled(hub);
    const late = [loud(hub), loud(hub), loud(hub)];
    await waitFor(
      () => late.every((id) => hub.received(id) > 0),
      () => `a late step sent nothing:\n${agent.log()}`,
    );
    await settled(hub);
    // Four steps share the window: a quarter each (and the chunk in flight when the PTY paused).
    for (const id of late) expect(hub.received(id)).toBeLessThan(WINDOW / 4 + 2 * MAX_CHUNK_BYTES);
    const heldBack = late.reduce((n, id) => n + hub.received(id), hub.received(first));
    expect(heldBack).toBeLessThan(2 * WINDOW + 4 * MAX_CHUNK_BYTES);

    const all = [first, ...late];
    await waitFor(
      () => {
        hub.ackAll();
        return all.every((id) => hub.exits.has(id));
      },
      () => `steps still running after acks:\n${agent.log()}`,
      30_000,
    );
    for (const id of all) expect(hub.exits.get(id)).toMatchObject({ exitCode: 0, totalBytes: hub.received(id) });
  });
});

describe("casebook-agent --server", () => {
  const argv = (...args: string[]) => ["node", "casebook-agent", "--token", "t", ...args];

  it("takes a comma-separated list, repeated, in order", () => {
    const { servers } = parseArgs(
      argv("--server", "http://a.example, https://b.example/casebook", "--server", "http://c.example:3000"),
    );
    expect(servers).toEqual(["http://a.example", "https://b.example/casebook", "http://c.example:3000"]);
  });

  it("reads the list from CASEBOOK_SERVER, which a flag overrides", () => {
    vi.stubEnv("CASEBOOK_SERVER", "https://a.example,https://b.example");
    expect(parseArgs(argv()).servers).toEqual(["https://a.example", "https://b.example"]);
    expect(parseArgs(argv("--server", "http://c.example")).servers).toEqual(["http://c.example"]);
  });

  it("refuses to start on a URL that is not http(s), naming it (exit 78)", async () => {
    const flag = spawnAgent(["--server", "http://ok.example,ftp://bad.example"]);
    expect(await flag.exited).toBe(78);
    expect(flag.log()).toContain('"ftp://bad.example" is not an http(s) URL');

    const env = spawnAgent([], { CASEBOOK_SERVER: "https://ok.example,casebook.example" });
    expect(await env.exited).toBe(78);
    expect(env.log()).toContain("from env 'CASEBOOK_SERVER' is invalid");
    expect(env.log()).toContain('"casebook.example" is not an http(s) URL');

    const empty = spawnAgent(["--server", " , "]);
    expect(await empty.exited).toBe(78);
    expect(empty.log()).toContain("needs at least one http(s) URL");
  });
});
