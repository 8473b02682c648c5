// For the hub's integration tests: a migrated temp SQLite file (or a given migrated PostgreSQL
// database), a bare HTTP server with the hub attached, real better-auth users signed in over the
// real handler, real agent processes and socket.io clients. Nothing here is mocked except the
// content index (test playbooks).
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { spawnAgentProcess } from "./agent-process";
import { createTempDatabase } from "./temp-database";
import { AGENT_NAMESPACE } from "@/agent/src/protocol";
import type { Playbook } from "@/lib/playbooks/types";
import type { StepRunView, UiClientToServerEvents, UiResult, UiServerToClientEvents } from "@/lib/runs/protocol";
import type { HubOptions } from "@/server/hub/options";
import { closeServer } from "@/server/shutdown";
import type { Role } from "@/lib/auth/roles";

const PASSWORD = "correct horse battery";
/** BETTER_AUTH_SECRET for tests that do not set one; every server instance of a test must share it. */
export const TEST_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

export interface HarnessOptions {
  /**
   * A migrated database for the hub, left to its owner (e.g. testing/private-postgres.ts); default a
   * temp SQLite file, removed by stop().
   */
  databaseUrl?: string;
  /** Serve the app's route handlers over the same server (testing/route-server.ts), for HTTP clients. */
  serveRoutes?: boolean;
}

/**
 * A Redis key prefix of this harness's own: test files run side by side on one Redis, and instances
 * on one prefix are one cluster, so a shared prefix would answer each other's forwards.
 */
export const testRedisPrefix = () => `casebook-test-${process.pid}-${Date.now()}`;

export async function startHarness(
  playbooks: Playbook[],
  hubOptions: Partial<HubOptions> = {},
  { databaseUrl, serveRoutes }: HarnessOptions = {},
) {
  const tempDb = databaseUrl ? { url: databaseUrl, remove: () => {} } : createTempDatabase("casebook-hub-");
  process.env.DATABASE_URL = tempDb.url;
  process.env.BETTER_AUTH_SECRET ??= TEST_AUTH_SECRET;
  process.env.CASEBOOK_SIGN_IN_MAX = "1000";
  const { db } = await import("@/lib/db/client");
  const { attachHub } = await import("@/server/hub");
  const hosts = await import("@/lib/hosts/manage-hosts");

  const listener: http.RequestListener = serveRoutes
    ? await (await import("./route-server")).routeListener()
    : (_req, res) => res.writeHead(404).end();
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bySlug = new Map(playbooks.map((p) => [p.slug, p]));
  const redisKeyPrefix = testRedisPrefix(); // the second node's too
  const hub = await attachHub(server, {
    getPlaybook: async (slug) => bySlug.get(slug),
    allowedOrigins: [url],
    redisUrl: null,
    redisKeyPrefix,
    ...hubOptions,
  });

  const agents = new Set<ChildProcess>();
  const clients = new Set<Socket>();
  let ip = 1;

  /** A user of this role, signed in; returns the Cookie header value. */
  const signIn = (role: Role) => signInNewUser(role, `198.51.100.${ip++}`);

  function spawnAgent(token: string, args: string[] = [], env: Record<string, string> = {}) {
    const agent = spawnAgentProcess(["--server", url, "--kill-grace", "0.5", ...args], {
      CASEBOOK_TOKEN: token,
      ...env,
    });
    agents.add(agent.proc);
    return agent;
  }

  /** Enrols a host and starts its agent; resolves once the agent said hello. */
  async function agentFor(name: string, args: string[] = []) {
    const { host, token } = await hosts.createHost(name);
    const agent = spawnAgent(token, args);
    await waitFor(
      () => hub.runs.isConnected(host.id),
      20_000,
      () => `agent for ${name} never connected:\n${agent.log()}`,
    );
    return { hostId: host.id, token, ...agent };
  }

  function uiClient(cookie: string | null): UiClient {
    const socket: Socket<UiServerToClientEvents, UiClientToServerEvents> = connect(`${url}/ui`, {
      transports: ["websocket"],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
    });
    clients.add(socket as Socket);
    return new UiClient(socket);
  }

  /**
   * A bare /agent connection with a host's token, for playing a misbehaving agent. Its own
   * connection (forceNew): socket.io-client would otherwise multiplex it over a /ui client's, and
   * the hub disconnecting it would take that client down too.
   */
  function agentSocket(token: string): Socket {
    const socket = connect(`${url}${AGENT_NAMESPACE}`, {
      transports: ["websocket"],
      auth: { token },
      reconnection: false,
      forceNew: true,
    });
    clients.add(socket);
    return socket;
  }

  /** A second server instance on the same database (scale-out tests). */
  async function secondNode(options: Partial<HubOptions>) {
    const server2 = http.createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server2.listen(0, "127.0.0.1", resolve));
    const url2 = `http://127.0.0.1:${(server2.address() as AddressInfo).port}`;
    const hub2 = await attachHub(server2, {
      getPlaybook: async (slug) => bySlug.get(slug),
      allowedOrigins: [url2],
      housekeeping: false,
      redisKeyPrefix,
      ...options,
    });
    const client = (cookie: string) => {
      const socket: Socket<UiServerToClientEvents, UiClientToServerEvents> = connect(`${url2}/ui`, {
        transports: ["websocket"],
        extraHeaders: { cookie },
        reconnection: false,
      });
      clients.add(socket as Socket);
      return new UiClient(socket);
    };
    const close = () => closeServer(server2, hub2);
    return { url: url2, hub: hub2, uiClient: client, close };
  }

  async function stop() {
    for (const c of clients) c.disconnect();
    for (const a of agents) if (a.exitCode === null && a.signalCode === null) a.kill("SIGKILL");
    await closeServer(server, hub);
    await db.$disconnect();
    tempDb.remove();
  }

  return { url, server, hub, db, hosts, signIn, spawnAgent, agentFor, uiClient, agentSocket, secondNode, stop };
}

/**
 * Creates a user of this role and signs it in over better-auth's real handler, from `remoteAddr`
 * (each its own, so the per-address sign-in limit never trips); returns the Cookie header value.
 * The session is a database row: the cookie is good on every server instance on that database.
 */
export async function signInNewUser(role: Role, remoteAddr: string): Promise<string> {
  const { auth } = await import("@/lib/auth/auth");
  const { serverBaseUrl } = await import("@/lib/auth/origins");
  const authOrigin = serverBaseUrl();
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await auth.api.createUser({ body: { email, name: role, password: PASSWORD, role } });
  const res = await auth.handler(
    new Request(`${authOrigin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: authOrigin,
        "x-casebook-remote-addr": remoteAddr,
      },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  message: () => string = () => "condition not met",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A /ui client that keeps every step state and output chunk it receives. */
export class UiClient {
  readonly states: StepRunView[] = [];
  private readonly chunks = new Map<string, { offset: number; data: Buffer }[]>();

  constructor(readonly socket: Socket<UiServerToClientEvents, UiClientToServerEvents>) {
    socket.on("step.state", (s) => this.states.push(s));
    socket.on("step.output", (c) => {
      const list = this.chunks.get(c.stepRunId) ?? [];
      list.push({ offset: c.offset, data: Buffer.from(c.data) });
      this.chunks.set(c.stepRunId, list);
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", reject);
    });
  }

  call<E extends keyof UiClientToServerEvents>(event: E, payload: unknown): Promise<UiResult<Record<string, unknown>>> {
    const emit = this.socket.timeout(30_000).emitWithAck as unknown as (
      e: string,
      p: unknown,
    ) => Promise<UiResult<Record<string, unknown>>>;
    return emit.call(this.socket.timeout(30_000), event, payload);
  }

  /** The live output of a step, checked gap-free and in order. */
  output(stepRunId: string): Buffer {
    const list = this.chunks.get(stepRunId) ?? [];
    let at = 0;
    for (const c of list) {
      if (c.offset !== at) throw new Error(`live output gap or overlap at ${at} (chunk at ${c.offset})`);
      at += c.data.length;
    }
    return Buffer.concat(list.map((c) => c.data));
  }

  async finished(stepRunId: string, timeoutMs = 20_000): Promise<StepRunView> {
    let found: StepRunView | undefined;
    await waitFor(
      () => (found = this.states.find((s) => s.id === stepRunId && s.verdict !== "running")) !== undefined,
      timeoutMs,
      () =>
        `step ${stepRunId} did not finish; states: ${JSON.stringify(this.states.filter((s) => s.id === stepRunId))}`,
    );
    return found!;
  }

  /** Starts a run; throws with the hub's reason when it is refused. */
  async startRun(playbook: string, hostId: string, inputs: Record<string, string> = {}): Promise<string> {
    const res = await this.call("run.start", { playbook, hostId, inputs });
    if (!res.ok) throw new Error(`run.start ${playbook} refused: ${res.error.code} ${res.error.message}`);
    return res.runId as string;
  }

  /** Starts a step without waiting for it; throws with the hub's reason when it is refused. */
  async startStep(runId: string, stepId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await this.call("step.run", { runId, stepId, ...extra });
    if (!res.ok) throw new Error(`step.run ${stepId} refused: ${res.error.code} ${res.error.message}`);
    return res.stepRunId as string;
  }

  /** Runs a step and waits for its verdict. */
  async run(runId: string, stepId: string, extra: Record<string, unknown> = {}, timeoutMs?: number) {
    const stepRunId = await this.startStep(runId, stepId, extra);
    const view = await this.finished(stepRunId, timeoutMs);
    return { stepRunId, view, output: this.output(stepRunId) };
  }
}
