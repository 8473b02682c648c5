// `npm run bench:agents`: the server's memory with 0 and with 1,000 idle agents, and one idle
// agent's own memory, packed (what a host installs: plain node on the bundle) beside the same
// agent run from a checkout through tsx, in one run. The 1,000 are simulated over loopback: real
// Agent objects (agent/src/agent.ts), each with its own enrolled host token, doing the real
// hello and heartbeats, in a few processes (bench/agents/idle-agents.ts). Writes the "agents"
// section of docs/benchmarks.md. Stops by itself (watchdog) and stops every process it started.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAgentsServer, type AgentsServer } from "./agents/agents-process";
import { startBenchRun } from "./lib/bench-run";
import { writeBenchmarkSection } from "./lib/report";
import type { LiveHeap } from "./stream/casebook-process";
import { childPids, cpuSeconds } from "./stream/cpu-usage";
import { startChild, stopChild } from "./stream/child-processes";
import { readRssKb, sampleRss } from "./stream/rss-sampler";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const IDLE_AGENTS = env("BENCH_IDLE_AGENTS", 1000);
const SIMULATORS = env("BENCH_SIMULATORS", 2);
/** How long each measured state idles first: two of the hub's 15 s heartbeats. */
const IDLE_MS = env("BENCH_IDLE_S", 30) * 1000;
/** The lone real agents idle for less: they only need to have settled after their hello. */
const AGENT_IDLE_MS = env("BENCH_AGENT_IDLE_S", 10) * 1000;
const SERVER_TARGET_MB = 500;
const AGENT_TARGET_MB = 50;
const WATCHDOG_MS = 8 * 60_000;
/** The two real agent processes take the first two tokens; the simulated agents the rest. */
const REAL_AGENTS = 2;

const { work, cleanUp } = startBenchRun("agents", WATCHDOG_MS);
const mib = (bytes: number) => bytes / 1024 / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAtStart = os.loadavg();

/** RSS of a process and all its descendants (tsx's esbuild, say), in MiB. */
function treeRssMib(pid: number): number {
  return (
    [pid, ...childPids(pid).flatMap((child) => [child, ...childPids(child)])]
      .map((p) => readRssKb(p) ?? 0)
      .reduce((a, b) => a + b, 0) / 1024
  );
}

interface ServerState {
  /** After the full collection that measured the heap: what the server holds, garbage aside. */
  rssMib: number;
  peakRssMib: number;
  heap: LiveHeap & { online: number };
  cpuPerSecondMs: number;
}

/** Idles for IDLE_MS while sampling RSS and CPU, then asks for the heap after a full GC. */
async function idleServer(server: AgentsServer): Promise<ServerState> {
  const cpuBefore = cpuSeconds(server.pid);
  const sampler = sampleRss(server.pid, 500);
  await sleep(IDLE_MS);
  const samples = sampler.stop();
  const cpuPerSecondMs = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / (IDLE_MS / 1000);
  const heap = await server.liveHeap();
  return { rssMib: mib(heap.rss), peakRssMib: Math.max(...samples), heap, cpuPerSecondMs };
}

interface AgentState {
  rssMib: number;
  treeMib: number;
  children: number;
}

/** One real agent process with a host token: its idle memory once connected for AGENT_IDLE_MS. */
async function idleAgent(label: string, server: AgentsServer, args: string[], token: string): Promise<AgentState> {
  const before = server.online();
  const agent: ChildProcess = startChild(label, process.execPath, [...args, "--server", server.url], {
    // What a systemd unit gives it: a PATH, a home, the token.
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: work,
      CASEBOOK_TOKEN: token,
      CASEBOOK_LOG_LEVEL: "warn",
    },
  });
  await server.untilOnline((n) => n > before, 30_000);
  await sleep(AGENT_IDLE_MS);
  const pid = agent.pid ?? 0;
  const state = { rssMib: (readRssKb(pid) ?? 0) / 1024, treeMib: treeRssMib(pid), children: childPids(pid).length };
  await stopChild(agent);
  await server.untilOnline((n) => n === before, 30_000);
  return state;
}

function packAgent(): string {
  const out = path.join(work, "pack");
  const tarball = execFileSync(process.execPath, ["agent/scripts/pack.mjs", "--out", out], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1)!;
  const installed = path.join(work, "opt");
  fs.mkdirSync(installed);
  execFileSync("tar", ["-xzf", tarball, "--strip-components=1", "-C", installed]);
  return path.join(installed, "bin/casebook-agent.mjs");
}

try {
  console.log("packing the agent…");
  const packedBin = packAgent();
  const tokensFile = path.join(work, "tokens.txt");
  console.log(`starting the bench server with ${IDLE_AGENTS + REAL_AGENTS} enrolled hosts…`);
  const server = await startAgentsServer({ hosts: IDLE_AGENTS + REAL_AGENTS, tokensFile, readyTimeoutMs: 120_000 });
  const tokens = fs.readFileSync(tokensFile, "utf8").trim().split("\n");

  console.log("server with no agent, idling…");
  const empty = await idleServer(server);

  console.log("one packed agent (node on the bundle), then one from the checkout (tsx)…");
  const packed = await idleAgent("packed-agent", server, [packedBin], tokens[0] ?? "");
  const checkout = await idleAgent("checkout-agent", server, ["agent/bin/casebook-agent.js"], tokens[1] ?? "");

  console.log(`${IDLE_AGENTS} simulated idle agents in ${SIMULATORS} processes…`);
  const started = Date.now();
  const per = Math.ceil(IDLE_AGENTS / SIMULATORS);
  /** What the simulated agents logged (at warn and above): retries show a fleet that cannot get in. */
  const agentLogs = new Map<string, number>();
  const countLog = (line: string) => {
    const msg = /"msg":"([^"]*)"/.exec(line)?.[1];
    const error = /"error":"([^"]*)"/.exec(line)?.[1];
    const key = error ? `${msg}: ${error}` : msg;
    if (key) agentLogs.set(key, (agentLogs.get(key) ?? 0) + 1);
  };
  const simulators = Array.from({ length: SIMULATORS }, (_, i) =>
    startChild(`simulator-${i + 1}`, process.execPath, ["--import", "tsx", "bench/agents/idle-agents.ts"], {
      env: {
        ...process.env,
        BENCH_URL: server.url,
        BENCH_TOKENS_FILE: tokensFile,
        BENCH_FROM: String(REAL_AGENTS + i * per),
        BENCH_COUNT: String(Math.min(per, IDLE_AGENTS - i * per)),
        CASEBOOK_LOG_LEVEL: "warn",
      },
      ipc: true,
      onLine: countLog,
    }),
  );
  await server.untilOnline((n) => n === IDLE_AGENTS, 180_000);
  const connectSeconds = (Date.now() - started) / 1000;
  console.log(`all ${IDLE_AGENTS} online after ${connectSeconds.toFixed(1)} s; idling…`);
  const full = await idleServer(server);
  const simulatorMib = simulators.map((s) => (readRssKb(s.pid ?? 0) ?? 0) / 1024);
  if (full.heap.online !== IDLE_AGENTS) throw new Error(`only ${full.heap.online} agents online at the end`);
  await Promise.all(simulators.map((s) => stopChild(s)));

  const report = renderAgentsReport({ empty, full, packed, checkout, connectSeconds, simulatorMib, agentLogs });
  writeBenchmarkSection("agents", report);
  console.log(`\n${report}\n`);
} finally {
  await cleanUp();
}

function renderAgentsReport(r: {
  empty: ServerState;
  full: ServerState;
  packed: AgentState;
  checkout: AgentState;
  connectSeconds: number;
  simulatorMib: number[];
  agentLogs: Map<string, number>;
}): string {
  const f1 = (n: number) => n.toFixed(1);
  const live = (s: ServerState) => mib(s.heap.heapUsed + s.heap.external);
  const perAgent = (a: number, b: number) => `${f1(((b - a) * 1024) / IDLE_AGENTS)} KiB`;
  const logged = (logs: Map<string, number>) =>
    logs.size ? [...logs].map(([msg, n]) => `${n}× "${msg}"`).join(", ") : "nothing";
  const f2 = (n: number) => n.toFixed(2);
  /** The targets are in MB (10^6 bytes); RSS is read in KiB. */
  const mb = (mibValue: number) => (mibValue * 1024 * 1024) / 1e6;
  const sizes = (mibValue: number) => `${f1(mibValue)} MiB (${f1(mb(mibValue))} MB)`;
  const meets = (mibValue: number, targetMb: number) => (mb(mibValue) < targetMb ? "met" : "**not met**");
  const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;
  const serverRow = (label: string, s: ServerState) =>
    `| ${label} | ${f1(s.rssMib)} MiB (peak ${f1(s.peakRssMib)}) | ${f1(live(s))} MiB | ${f1(s.cpuPerSecondMs)} ms/s |`;
  return `## Idle agents (\`npm run bench:agents\`)

${IDLE_AGENTS} idle agents simulated over loopback: real \`Agent\` objects (agent/src/agent.ts), each with
its own enrolled host token on its own socket.io connection to \`/agent\`, saying hello and sending
heartbeats every 15 s, in ${r.simulatorMib.length} processes (bench/agents/idle-agents.ts). The server is the hub on a
temp SQLite file (bench/agents/agents-server.ts); each state idled ${IDLE_MS / 1000} s (two heartbeats) before it was
measured. "Live heap" is \`heapUsed + external\` after a full garbage collection. Load average at
start: ${loadAtStart.map((l) => l.toFixed(2)).join(", ")}.

| server | RSS | live heap | CPU while idle |
|---|---|---|---|
${serverRow("no agent", r.empty)}
${serverRow(`${IDLE_AGENTS} idle agents`, r.full)}
${row("per agent", perAgent(r.empty.rssMib, r.full.rssMib), perAgent(live(r.empty), live(r.full)), "")}

| what | measured | target | |
|---|---|---|---|
${row(
  `server RSS, ${IDLE_AGENTS} idle agents`,
  `${sizes(r.full.rssMib)} (${f1(r.full.rssMib / r.empty.rssMib)}× no agent)`,
  `under ${SERVER_TARGET_MB} MB`,
  meets(r.full.rssMib, SERVER_TARGET_MB),
)}
${row(
  "idle agent, packed (`node bin/casebook-agent.mjs`)",
  `${sizes(r.packed.treeMib)}, ${r.packed.children} child processes`,
  `under ${AGENT_TARGET_MB} MB`,
  meets(r.packed.treeMib, AGENT_TARGET_MB),
)}
${row(
  "idle agent, from a checkout (tsx)",
  `${sizes(r.checkout.treeMib)}, ${r.checkout.children} child processes`,
  `the packed one is ${f2(r.packed.treeMib / r.checkout.treeMib)}× this`,
  "",
)}

All ${IDLE_AGENTS} were online ${f1(r.connectSeconds)} s after the simulators started (they dial 25 every 50 ms);
what they logged on the way: ${logged(r.agentLogs)}.
The simulators held ${r.simulatorMib.map(f1).join(" and ")} MiB. An agent's figure is its whole process
tree after ${AGENT_IDLE_MS / 1000} s connected and idle.`;
}
