// For scale-out tests that kill a server: hub instances as processes of their own (./hub-node.ts)
// on one fresh PostgreSQL database and one Redis (under a key prefix of their own), with real
// agent processes and socket.io clients. Unlike hub-harness.ts's secondNode, a node here can be
// `kill -9`ed and started again on its port. The test process opens the same database, for users,
// hosts and reading back what was stored; it runs no hub itself.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { Playbook } from "@/lib/playbooks/types";
import type { Role } from "@/lib/auth/roles";
import type { UiClientToServerEvents, UiServerToClientEvents } from "@/lib/runs/protocol";
import { spawnAgentProcess } from "./agent-process";
import { signInNewUser, TEST_AUTH_SECRET, testRedisPrefix, UiClient, waitFor } from "./hub-harness";
import { AGENTS_PATH, NODE_ENV_NAMES, type AgentsReport, type ReadyLine } from "./hub-node-wire";
import { createMigratedPostgresDatabase } from "./postgres-database";

const ROOT = path.resolve(import.meta.dirname, "..");
const NODE_ENTRY = path.join(ROOT, "testing/hub-node.ts");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Starting a node compiles the hub through tsx: seconds on a busy machine. */
const START_TIMEOUT_MS = 30_000;

export interface ClusterOptions {
  nodes?: number;
  /** HubOptions.housekeeping on every node (default off, as for a second instance). */
  housekeeping?: boolean;
  /** More environment for every node, e.g. AGENT_RECONNECT_GRACE_S. */
  env?: Record<string, string>;
}

export interface ClusterNode {
  readonly index: number;
  /** Stays the same across restart(). */
  readonly url: string;
  /** SIGKILL: no goodbye to agents, browsers or Redis. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the node again on the same port; resolves once it listens. */
  restart(): Promise<void>;
  /** Everything the node's current process wrote (its JSON log lines). */
  log(): string;
}

interface NodeProcess {
  proc: ChildProcess;
  url: string;
  log: () => string;
}

function startNodeProcess(env: NodeJS.ProcessEnv, port = 0): Promise<NodeProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "--import", "./server/server-only-hook.mjs", NODE_ENTRY], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  let pending = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`hub node did not start in ${START_TIMEOUT_MS} ms:\n${log}`));
    }, START_TIMEOUT_MS);
    proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    proc.stdout?.on("data", (d: Buffer) => {
      log += d.toString();
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const ready = readyLine(line);
        if (!ready) continue;
        clearTimeout(timer);
        resolve({ proc, url: ready.url, log: () => log });
      }
    });
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`hub node exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
}

function readyLine(line: string): ReadyLine | null {
  try {
    const parsed = JSON.parse(line) as Partial<ReadyLine>;
    return parsed.ready === true && typeof parsed.url === "string" ? (parsed as ReadyLine) : null;
  } catch {
    return null;
  }
}

const exited = (proc: ChildProcess) =>
  proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => proc.once("exit", () => resolve()));

export async function startCluster(playbooks: Playbook[], options: ClusterOptions = {}) {
  const database = await createMigratedPostgresDatabase("casebook_cluster");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-cluster-"));
  const playbooksFile = path.join(dir, "playbooks.json");
  fs.writeFileSync(playbooksFile, JSON.stringify(playbooks));

  // The test process signs users in and enrols hosts on the nodes' database.
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= TEST_AUTH_SECRET;
  process.env.CASEBOOK_SIGN_IN_MAX = "1000";
  const { db } = await import("@/lib/db/client");
  const hosts = await import("@/lib/hosts/manage-hosts");

  const nodeEnv: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL,
    // Channels of their own on the shared Redis: another test's cluster must not hear this one.
    REDIS_KEY_PREFIX: testRedisPrefix(),
    [NODE_ENV_NAMES.playbooks]: playbooksFile,
    [NODE_ENV_NAMES.housekeeping]: options.housekeeping ? "1" : "0",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    ...options.env,
  };

  const running = await Promise.all(Array.from({ length: options.nodes ?? 2 }, () => startNodeProcess(nodeEnv)));
  const nodes: ClusterNode[] = running.map((first, index) => {
    let current = first;
    const port = Number(new URL(first.url).port);
    return {
      index,
      url: first.url,
      log: () => current.log(),
      async kill() {
        current.proc.kill("SIGKILL");
        await exited(current.proc);
      },
      async restart() {
        if (current.proc.exitCode === null && current.proc.signalCode === null)
          throw new Error(`node ${index} is still running`);
        current = await startNodeProcess(nodeEnv, port);
      },
    };
  });

  const agents = new Set<ChildProcess>();
  const clients = new Set<Socket>();
  let ip = 1;

  /** A user of this role, signed in; the cookie is good on every node (sessions are rows). */
  const signIn = (role: Role) => signInNewUser(role, `198.51.100.${ip++}`);

  function uiClient(nodeIndex: number, cookie: string | null): UiClient {
    const node = nodes[nodeIndex];
    if (!node) throw new Error(`no node ${nodeIndex}`);
    const socket: Socket<UiServerToClientEvents, UiClientToServerEvents> = connect(`${node.url}/ui`, {
      transports: ["websocket"],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
      forceNew: true,
    });
    clients.add(socket as Socket);
    return new UiClient(socket);
  }

  /** An agent process for a host's token, dialling `servers` (given to --server as a comma-separated list). */
  function spawnAgent(token: string, servers: string[], args: string[] = []) {
    const agent = spawnAgentProcess(["--server", servers.join(","), "--kill-grace", "0.5", ...args], {
      CASEBOOK_TOKEN: token,
    });
    agents.add(agent.proc);
    return agent;
  }

  /** What a node says of its agents and runs (testing/hub-node-wire.ts); null from a node that is down. */
  async function ask(nodeIndex: number, hostIds: string[] = []): Promise<AgentsReport | null> {
    const node = nodes[nodeIndex];
    if (!node) throw new Error(`no node ${nodeIndex}`);
    const query = new URLSearchParams(hostIds.map((id) => ["host", id]));
    try {
      return (await (await fetch(`${node.url}${AGENTS_PATH}?${query}`)).json()) as AgentsReport;
    } catch {
      return null;
    }
  }

  /** Which node holds the host's agent now, or null. */
  async function agentNode(hostId: string): Promise<number | null> {
    const reports = await Promise.all(nodes.map((node) => ask(node.index, [hostId])));
    const index = reports.findIndex((report) => report?.connected[hostId] === true);
    return index === -1 ? null : index;
  }

  /** Enrols a host and starts its agent on `servers`; resolves once a node holds it. */
  async function agentFor(name: string, servers: string[], args: string[] = []) {
    const { host, token } = await hosts.createHost(name);
    const agent = spawnAgent(token, servers, args);
    await waitFor(
      async () => (await agentNode(host.id)) !== null,
      20_000,
      () => `agent for ${name} never connected:\n${agent.log()}`,
    );
    return { hostId: host.id, token, ...agent };
  }

  async function stop() {
    for (const c of clients) c.disconnect();
    for (const a of agents) if (a.exitCode === null && a.signalCode === null) a.kill("SIGKILL");
    await Promise.all([...agents].map(exited));
    await Promise.all(nodes.map((n) => n.kill()));
    await db.$disconnect();
    await database.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  return { nodes, db, hosts, databaseUrl: database.url, signIn, uiClient, spawnAgent, agentFor, ask, agentNode, stop };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;
