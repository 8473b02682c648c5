// `npm run bench:cluster`: the run path through two hub instances against one, in one deployment
// (hub instances as processes on one PostgreSQL database and one Redis, a real agent process).
// "One instance": the agent and the browser are on instance A. "Two instances": the agent stays on
// A and the browser is on B, so every chunk reaches it over Redis and every acknowledgement goes
// back the same way. The rounds interleave the two so the machine's load hits them alike. Writes
// the "cluster" section of docs/benchmarks.md; stops by itself (watchdog).
import os from "node:os";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startCluster } from "@/testing/hub-cluster";
import { startBenchRun } from "./lib/bench-run";
import { writeBenchmarkSection } from "./lib/report";
import { ms, percentile } from "./lib/stats";
import { benchSteps, PLAYBOOK_SLUG, type BenchStep } from "./stream/bench-playbook";
import { CasebookViewer } from "./stream/casebook-viewer";
import { expectedPayload } from "./stream/expected-payload";
import { collectTicks, measureThroughput } from "./stream/measure";
import type { TerminalSink } from "./stream/raw-pty";
import type { StreamingSystem } from "./stream/systems";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = env("BENCH_CLUSTER_ROUNDS", 3);
const STARTS = env("BENCH_CLUSTER_STARTS", 10);
const PAYLOAD_MB = env("BENCH_CLUSTER_MB", 20);
const steps = benchSteps({
  throughputBytes: PAYLOAD_MB * 1_000_000,
  concurrentBytes: 0,
  concurrentFile: "",
  ticks: 200,
  tickIntervalMs: 15,
  yesSeconds: 0,
  stream: { seconds: 0, bytesPerSec: 0, tickIntervalMs: 20, goFile: "" },
});
const STEP_TIMEOUT_MS = 120_000;

const { cleanUp } = startBenchRun("cluster", 10 * 60_000);
const loadAtStart = os.loadavg();
const asStep = (s: BenchStep) => testStep(s.id, s.command, { timeout: 300 });
const cluster = await startCluster([
  testPlaybook(PLAYBOOK_SLUG, [steps.throughput, steps.ticks, steps.first].map(asStep)),
]);

interface Figures {
  mbPerSec: number[];
  ticks: number[];
  firstMs: number[];
}

/** Start request to the first output byte at the browser, for a one-line step. */
async function firstOutputMs(viewer: CasebookViewer, hostId: string): Promise<number> {
  const sink: TerminalSink = { push: () => {}, done: Promise.resolve() };
  const t0 = process.hrtime.bigint();
  let first: bigint | null = null;
  await viewer.runStep(PLAYBOOK_SLUG, hostId, steps.first.id, sink, STEP_TIMEOUT_MS, (_, at) => (first ??= at));
  if (first === null) throw new Error("the one-line step printed nothing");
  return Number(first - t0) / 1e6;
}

try {
  const expected = await expectedPayload(PAYLOAD_MB * 1_000_000);
  const { hostId } = await cluster.agentFor("cluster-bench", [cluster.nodes[0]!.url], ["--max-risk", "read"]);
  const cookie = await cluster.signIn("operator");
  const configs = [
    { name: "one instance", viewer: new CasebookViewer(cluster.nodes[0]!.url, cookie) },
    { name: "two instances", viewer: new CasebookViewer(cluster.nodes[1]!.url, cookie) },
  ];
  await Promise.all(configs.map((c) => c.viewer.connected()));
  const figures = new Map<string, Figures>(configs.map((c) => [c.name, { mbPerSec: [], ticks: [], firstMs: [] }]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const config of configs) {
      const f = figures.get(config.name)!;
      const system: StreamingSystem = {
        name: "casebook",
        label: `Casebook, ${config.name}`,
        roles: () => ({}),
        run: (step, sink, timeoutMs, onSocketChunk) =>
          config.viewer.runStep(PLAYBOOK_SLUG, hostId, step.id, sink, timeoutMs, onSocketChunk),
      };
      const t = await measureThroughput(system, steps.throughput, expected, STEP_TIMEOUT_MS);
      if (!t.checksumOk) throw new Error(`${system.label}: ${t.bytesLost} bytes lost or a wrong checksum`);
      f.mbPerSec.push(t.mbPerSec);
      f.ticks.push(...(await collectTicks(system, steps.ticks, 200, STEP_TIMEOUT_MS)).terminal);
      for (let i = 0; i < Math.ceil(STARTS / ROUNDS); i++) f.firstMs.push(await firstOutputMs(config.viewer, hostId));
      console.log(
        `round ${round}/${ROUNDS} ${config.name}: ${t.mbPerSec.toFixed(1)} MB/s, ` +
          `first output ${ms(percentile(f.firstMs, 50))} (median so far)`,
      );
    }
  }
  for (const c of configs) c.viewer.close();
  writeBenchmarkSection("cluster", report(figures, loadAtStart, os.loadavg()));
  console.log("written to docs/benchmarks.md");
} finally {
  await cluster.stop();
  await cleanUp();
}
process.exit(0);

function report(figures: Map<string, Figures>, before: number[], after: number[]): string {
  const one = figures.get("one instance")!;
  const two = figures.get("two instances")!;
  const median = (xs: number[]) => percentile(xs, 50);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const rows: Array<[string, (f: Figures) => number, (n: number) => string]> = [
    [`throughput, ${PAYLOAD_MB} MB, median of ${ROUNDS} (MB/s)`, (f) => median(f.mbPerSec), (n) => n.toFixed(1)],
    ["small-write latency p50", (f) => percentile(f.ticks, 50), ms],
    ["small-write latency p99", (f) => percentile(f.ticks, 99), ms],
    [`start request to first output byte, median of ${one.firstMs.length}`, (f) => median(f.firstMs), ms],
    ["start request to first output byte, worst", (f) => Math.max(...f.firstMs), ms],
  ];
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(" / ");
  return [
    "## Two instances against one (`npm run bench:cluster`)",
    "",
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. Two hub instances`,
    "(processes) on one PostgreSQL database and one Redis, one agent connected to instance A. One instance:",
    "the browser is on A too. Two instances: the browser is on B, so output and acknowledgements cross",
    "Redis. Same payload markers, checksums and TICK method as `bench:stream`; rounds interleaved.",
    "",
    "| figure | one instance | two instances | two ÷ one |",
    "|---|---|---|---|",
    ...rows.map(
      ([label, pick, show]) =>
        `| ${label} | ${show(pick(one))} | ${show(pick(two))} | ${ratio(pick(two), pick(one))} |`,
    ),
    "",
    `Load average (1/5/15 min) ${load(before)} at the start and ${load(after)} at the end.`,
  ].join("\n");
}
