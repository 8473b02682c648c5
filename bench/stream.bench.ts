// `npm run bench:stream`: Casebook (agent → hub → /ui client), WeTTY 3.2 and a raw PTY serving the
// same commands on this machine, all on 127.0.0.1: throughput with a byte-exact check, small-write
// latency, 50 concurrent runs on Casebook, and server RSS while `yes` runs. Writes the "stream"
// section of docs/benchmarks.md. Stops by itself (watchdog) and stops every process it started.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBenchmarkSection } from "./lib/report";
import { benchSteps, PLAYBOOK_SLUG, writeBenchPlaybook, type LoadSizes } from "./stream/bench-playbook";
import { CasebookViewer } from "./stream/casebook-viewer";
import { startCasebookServer } from "./stream/casebook-process";
import { freePort, startChild, waitForPort } from "./stream/child-processes";
import { expectedPayload, writePayloadFile } from "./stream/expected-payload";
import {
  collectTicks,
  measureConcurrent,
  measureFirstByte,
  measureManyStreams,
  measureRss,
  measureThroughput,
  summariseLatency,
  type LatencyResult,
  type ThroughputResult,
} from "./stream/measure";
import { renderStreamReport } from "./stream/report-table";
import { casebookSystem, rawPtySystem, wettySystem, type StreamingSystem, type SystemName } from "./stream/systems";
import { ensureWetty, wettyCommand } from "./stream/wetty-peer";
import { startBenchRun } from "./lib/bench-run";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sizes: LoadSizes = {
  throughputBytes: env("BENCH_STREAM_MB", 100) * 1_000_000,
  concurrentBytes: env("BENCH_STREAM_CONCURRENT_MB", 2) * 1_000_000,
  concurrentFile: "", // set once the scratch folder exists
  ticks: 200,
  tickIntervalMs: 15,
  yesSeconds: 15,
  stream: {
    seconds: env("BENCH_STREAM_MANY_SECONDS", 5),
    bytesPerSec: env("BENCH_STREAM_MANY_MBPS", 1) * 1_000_000,
    tickIntervalMs: 20,
    goFile: "", // set once the scratch folder exists
  },
};
const ROUNDS = env("BENCH_STREAM_ROUNDS", 3);
const CONCURRENT_RUNS = 50;
/** Streaming runs at once, each at sizes.stream.bytesPerSec (issue 14: ≥ 1 MB/s each, p99 under 100 ms). */
const MANY_RUNS = env("BENCH_STREAM_MANY_RUNS", 100);
/** Run clicks, one at a time, for the first-output-byte figure. */
const FIRST_BYTE_TIMES = 20;
const AGENTS = 5;
/** Per-step output cap on the bench server (default 64 MB), so no step is cut short. */
const MAX_OUTPUT_MB = 4096;
const WATCHDOG_MS = 5 * 60_000;
const STEP_TIMEOUT_MS = 120_000;

const { work, cleanUp } = startBenchRun("stream", WATCHDOG_MS);

sizes.stream.goFile = path.join(work, "stream-go");
sizes.concurrentFile = path.join(work, "concurrent-payload");
const loadAtStart = os.loadavg();
const steps = benchSteps(sizes);
const contentDir = path.join(work, "content");
writeBenchPlaybook(contentDir, Object.values(steps));

try {
  const wettyVersion = ensureWetty();
  console.log("computing the expected payloads…");
  const expectedBig = await expectedPayload(sizes.throughputBytes);
  const expectedSmall = await expectedPayload(sizes.concurrentBytes);
  writePayloadFile(sizes.concurrentBytes, sizes.concurrentFile);

  console.log("starting the Casebook server (hub + agents) and WeTTY…");
  const wettyPort = await freePort();
  const { file, args } = wettyCommand(wettyPort);
  const wetty = startChild("wetty", file, args, { quietStderr: true });
  const [casebook] = await Promise.all([
    startCasebookServer({ contentDir, agents: AGENTS, maxOutputMb: MAX_OUTPUT_MB, readyTimeoutMs: 120_000 }),
    waitForPort(wettyPort, 30_000, wetty),
  ]);
  const viewer = new CasebookViewer(casebook.url, casebook.cookie);
  await viewer.connected();

  const systems: StreamingSystem[] = [
    rawPtySystem(),
    wettySystem(wettyPort, wettyVersion, wetty.pid ?? 0),
    casebookSystem(viewer, casebook.hostIds[0]!, casebook.pid),
  ];

  const liveAfter: Record<string, number> = {};
  const noteLiveHeap = async (phase: string) => {
    const h = await casebook.liveHeap();
    liveAfter[phase] = (h.heapUsed + h.external) / 2 ** 20;
    console.log(
      `Casebook server memory in use after ${phase}: ${liveAfter[phase].toFixed(1)} MiB ` +
        `(RSS ${(h.rss / 2 ** 20).toFixed(0)} MiB)`,
    );
  };
  await noteLiveHeap("start-up");

  // Throughput: rounds interleave the systems so background load hits them alike; median per system.
  const throughput = new Map<SystemName, ThroughputResult[]>(systems.map((s) => [s.name, []]));
  // One unmeasured round each first: a server that has run for a while has its streaming path
  // compiled by the JIT, and the first round measured that compiling instead.
  for (const system of systems) await measureThroughput(system, steps.throughput, expectedBig, STEP_TIMEOUT_MS);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const system of systems) {
      const r = await measureThroughput(system, steps.throughput, expectedBig, STEP_TIMEOUT_MS);
      throughput.get(system.name)!.push(r);
      console.log(
        `throughput ${round}/${ROUNDS} ${system.label}: ${r.mbPerSec.toFixed(1)} MB/s, ${r.bytesLost} bytes lost, ` +
          `checksum ${r.checksumOk ? "ok" : "WRONG"}`,
      );
    }
  }

  await noteLiveHeap("the throughput rounds");

  // Latency: the same interleaving, samples pooled over the rounds.
  const ticks = new Map<SystemName, { terminal: number[]; socket: number[] }>(
    systems.map((s) => [s.name, { terminal: [], socket: [] }]),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    for (const system of systems) {
      const got = await collectTicks(system, steps.ticks, sizes.ticks, STEP_TIMEOUT_MS);
      ticks.get(system.name)!.terminal.push(...got.terminal);
      ticks.get(system.name)!.socket.push(...got.socket);
    }
  }
  const latency = new Map<SystemName, LatencyResult>();
  for (const system of systems) {
    const pooled = ticks.get(system.name)!;
    const r = summariseLatency(pooled.terminal, pooled.socket);
    latency.set(system.name, r);
    console.log(
      `latency ${system.label}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.samples} samples)`,
    );
  }
  await noteLiveHeap("the latency runs");
  const firstByte = await measureFirstByte(
    viewer,
    casebook.hostIds[0]!,
    steps.first,
    PLAYBOOK_SLUG,
    FIRST_BYTE_TIMES,
    STEP_TIMEOUT_MS,
  );
  console.log(`Run click to first output byte: p50 ${firstByte.p50.toFixed(1)} ms, p90 ${firstByte.p90.toFixed(1)} ms`);
  console.log(`${CONCURRENT_RUNS} concurrent Casebook runs over ${AGENTS} agents…`);
  const viewers = Array.from({ length: CONCURRENT_RUNS }, () => new CasebookViewer(casebook.url, casebook.cookie));
  await Promise.all(viewers.map((v) => v.connected()));
  const concurrent = await measureConcurrent(
    viewers,
    casebook.hostIds,
    systems[2]!.roles(),
    steps.concurrent,
    expectedSmall,
    PLAYBOOK_SLUG,
    STEP_TIMEOUT_MS,
  );
  for (const v of viewers) v.close();
  console.log(
    `concurrent: ${concurrent.seconds.toFixed(1)} s, ${concurrent.mbPerSec.toFixed(1)} MB/s, ` +
      `${concurrent.bytesLost} bytes lost`,
  );
  await noteLiveHeap("the concurrent runs");

  console.log(`server RSS while \`yes\` runs for ${sizes.yesSeconds} s…`);
  const rssCasebook = await measureRss(systems[2]!, steps.yes, casebook.pid, STEP_TIMEOUT_MS, () =>
    casebook.liveHeap(),
  );
  const rssWetty = await measureRss(systems[1]!, steps.yes, wetty.pid ?? 0, STEP_TIMEOUT_MS);
  console.log(
    `RSS Casebook ${rssCasebook.minMib.toFixed(0)}–${rssCasebook.maxMib.toFixed(0)} MiB, ` +
      `WeTTY ${rssWetty.minMib.toFixed(0)}–${rssWetty.maxMib.toFixed(0)} MiB`,
  );

  // Last: a hundred runs leave the server's heap grown, which the RSS figure above must not inherit.
  console.log(`${MANY_RUNS} concurrent streaming Casebook runs over ${AGENTS} agents…`);
  const manyViewers = Array.from({ length: MANY_RUNS }, () => new CasebookViewer(casebook.url, casebook.cookie));
  await Promise.all(manyViewers.map((v) => v.connected()));
  const many = await measureManyStreams(
    manyViewers,
    casebook.hostIds,
    systems[2]!.roles(),
    steps.stream,
    PLAYBOOK_SLUG,
    Math.round((sizes.stream.seconds * 1000) / sizes.stream.tickIntervalMs),
    sizes.stream.bytesPerSec / 1e6,
    STEP_TIMEOUT_MS,
    () => fs.writeFileSync(sizes.stream.goFile, ""),
  );
  for (const v of manyViewers) v.close();
  console.log(
    `many streams: ${many.atTarget}/${many.runs} at ≥ ${many.targetMbPerSec} MB/s ` +
      `(median ${many.perRunMbPerSec.p50.toFixed(2)}), ` +
      `tick latency p50 ${many.latency.p50.toFixed(1)} ms, p99 ${many.latency.p99.toFixed(1)} ms`,
  );

  viewer.close();

  const markdown = renderStreamReport({
    sizes,
    rounds: ROUNDS,
    agents: AGENTS,
    wettyVersion,
    throughput,
    latency,
    concurrent,
    firstByte,
    many,
    rss: { casebook: rssCasebook, wetty: rssWetty },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      node: process.version,
      loadAtStart,
      loadAtEnd: os.loadavg(),
    },
  });
  writeBenchmarkSection("stream", markdown);
  console.log(`\n${markdown}\n\nwritten to docs/benchmarks.md`);
} finally {
  await cleanUp();
}
