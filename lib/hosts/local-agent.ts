// `npm start` enrols this machine as a host and runs an agent for it, so a newcomer can run a step
// at once. CASEBOOK_LOCAL_AGENT=0 turns it off; with REDIS_URL (several instances) it is off unless
// CASEBOOK_LOCAL_AGENT=1.
import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { Risk } from "@/lib/playbooks/format";
import { checkHostName, createHost, HostError, rotateHostToken } from "./manage-hosts";

export interface LocalAgent {
  hostId: string;
  hostName: string;
  stop(): Promise<void>;
}

export interface LocalAgentOptions {
  /** Where the agent dials, e.g. http://127.0.0.1:3000. */
  serverUrl: string;
  /** Holds local-agent.json (the token, mode 0600). Default: ./data */
  dataDir?: string;
  /** The agent to run: a bundle (scripts/lib/agent-bundle.ts). Default: the sources, through tsx. */
  agentEntry?: string;
  /** Highest risk the local agent accepts. Default: CASEBOOK_LOCAL_AGENT_MAX_RISK or "change". */
  maxRisk?: Risk;
  env?: NodeJS.ProcessEnv;
}

const AGENT_BIN = path.resolve(import.meta.dirname, "../../agent/bin/casebook-agent.js");
const CONFIG_EXIT = 78;

function localHostName(): string {
  try {
    return checkHostName(os.hostname().split(".")[0] ?? "");
  } catch {
    return "local";
  }
}

/**
 * This machine's local host row and a fresh token for it, or null when an admin revoked it. Each
 * machine has its own row, by name: an instance on another machine sharing the database must not
 * rotate this machine's token, nor this one its. (Several instances on one machine run no local
 * agent: see enrollLocalAgent.)
 */
async function enrol(dataDir: string): Promise<{ hostId: string; hostName: string; token: string } | null> {
  const name = localHostName();
  const existing = await db.host.findFirst({
    where: { local: true, name: { in: [name, `${name}-local`] } },
    orderBy: { createdAt: "asc" },
  });
  if (existing?.revokedAt) {
    log.warn(
      { host: existing.name },
      "the local host was revoked; not starting a local agent (delete the host or set CASEBOOK_LOCAL_AGENT=0)",
    );
    return null;
  }
  let enrolled: { host: { id: string; name: string }; token: string };
  if (existing) {
    enrolled = await rotateHostToken(existing.id);
  } else {
    const taken = await db.host.findUnique({ where: { name }, select: { id: true } });
    enrolled = await createHost(taken ? `${name}-local` : name, { local: true });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "local-agent.json");
  fs.writeFileSync(
    file,
    JSON.stringify({ hostId: enrolled.host.id, name: enrolled.host.name, token: enrolled.token }, null, 2) + "\n",
    { mode: 0o600 },
  );
  fs.chmodSync(file, 0o600); // writeFileSync keeps an existing file's mode
  return { hostId: enrolled.host.id, hostName: enrolled.host.name, token: enrolled.token };
}

export async function enrollLocalAgent(opts: LocalAgentOptions): Promise<LocalAgent | null> {
  const env = opts.env ?? process.env;
  if (env.CASEBOOK_LOCAL_AGENT === "0") {
    log.info("local agent disabled (CASEBOOK_LOCAL_AGENT=0)");
    return null;
  }
  // Several instances (REDIS_URL) would each start one for their machine; hosts there run the
  // agent as a service (docs/agent.md). CASEBOOK_LOCAL_AGENT=1 still asks for it.
  if (env.REDIS_URL && env.CASEBOOK_LOCAL_AGENT !== "1") {
    log.info("local agent off with REDIS_URL (set CASEBOOK_LOCAL_AGENT=1 to start one anyway)");
    return null;
  }
  let enrolled: Awaited<ReturnType<typeof enrol>>;
  try {
    enrolled = await enrol(path.resolve(opts.dataDir ?? "data"));
  } catch (err) {
    if (err instanceof HostError) {
      log.error({ err }, "could not enrol the local agent");
      return null;
    }
    throw err;
  }
  if (!enrolled) return null;
  const { hostId, hostName, token } = enrolled;
  const maxRisk = opts.maxRisk ?? env.CASEBOOK_LOCAL_AGENT_MAX_RISK ?? "change";

  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  const start = () => {
    const proc = spawn(
      process.execPath,
      [opts.agentEntry ?? AGENT_BIN, "--server", opts.serverUrl, "--name", hostName],
      {
        // The token travels in the environment, not the command line (which `ps` shows).
        env: { ...env, CASEBOOK_TOKEN: token, CASEBOOK_MAX_RISK: maxRisk, CASEBOOK_LOCAL_AGENT: undefined },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    child = proc;
    proc.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      if (code === CONFIG_EXIT) {
        log.error({ code }, "the local agent was refused by this server; not restarting it");
        return;
      }
      const delay = Math.min(30_000, 1000 * 2 ** restarts++);
      log.warn({ code, signal, retryInMs: delay }, "local agent exited; restarting");
      setTimeout(() => {
        if (!stopping) start();
      }, delay).unref();
    });
  };
  start();
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);
  log.info({ host: hostName, hostId, maxRisk }, "local agent started");

  return {
    hostId,
    hostName,
    async stop() {
      stopping = true;
      process.off("exit", killOnExit);
      const proc = child as ChildProcess | null;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
