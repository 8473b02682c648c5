// The "stream" section of docs/benchmarks.md: the figures, and each target marked ✓ or ✗ as measured.
import { percentile } from "../lib/stats";
import type { LoadSizes } from "./bench-playbook";
import {
  RETAINED_SLACK_MIB,
  type ConcurrentResult,
  type FirstByteResult,
  type LatencyResult,
  type ManyStreamsResult,
  type RssResult,
  type ThroughputResult,
} from "./measure";
import type { SystemName } from "./systems";

export interface StreamReport {
  sizes: LoadSizes;
  rounds: number;
  agents: number;
  wettyVersion: string;
  throughput: Map<SystemName, ThroughputResult[]>;
  latency: Map<SystemName, LatencyResult>;
  concurrent: ConcurrentResult;
  firstByte: FirstByteResult;
  many: ManyStreamsResult;
  rss: { casebook: RssResult; wetty: RssResult };
  machine: { cpus: number; cpuModel: string; node: string; loadAtStart: number[]; loadAtEnd: number[] };
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(" / ");

export function medianThroughput(results: ThroughputResult[]): number {
  return percentile(
    results.map((r) => r.mbPerSec),
    50,
  );
}

export function renderStreamReport(r: StreamReport): string {
  const tp = (name: SystemName) => medianThroughput(r.throughput.get(name) ?? []);
  const runs = (name: SystemName) => (r.throughput.get(name) ?? []).map((t) => f1(t.mbPerSec)).join(", ");
  const lost = (name: SystemName) => (r.throughput.get(name) ?? []).reduce((n, t) => n + Math.abs(t.bytesLost), 0);
  const checksums = (name: SystemName) => (r.throughput.get(name) ?? []).every((t) => t.checksumOk);
  const lat = (name: SystemName) => r.latency.get(name);
  const cb = lat("casebook");
  const wt = lat("wetty");
  const raw = lat("raw");
  const mb = r.sizes.throughputBytes / 1e6;
  const c = r.concurrent;
  const fb = r.firstByte;
  const m = r.many;
  const st = r.sizes.stream;
  const casebookLost = lost("casebook") + c.bytesLost;
  const casebookExact = checksums("casebook") && c.badChecksums === 0;

  // Issue 14's targets, each against its peer in this run.
  const targets = {
    throughput: tp("casebook") >= 0.8 * tp("raw"),
    latency: (cb?.p50 ?? Infinity) <= (wt?.p50 ?? -Infinity),
    latencyP99: (cb?.p99 ?? Infinity) <= (wt?.p99 ?? -Infinity),
    lost: casebookLost === 0 && casebookExact,
    memory: r.rss.casebook.bounded === true,
  };

  const rssCell = (x: RssResult) =>
    `**${f1(x.minMib)}–${f1(x.maxMib)} MiB**; before ${f1(x.beforeMib)}; ` +
    `peak of first/last third ${f1(x.firstThirdMaxMib)}/${f1(x.lastThirdMaxMib)}` +
    (x.live ? `; in use after a full GC ${f1(x.live.beforeMib)} before → ${f1(x.live.afterMib)} after` : "") +
    `; ${f1(x.streamedMb)} MB streamed`;
  const cpuPerMb = (name: SystemName) => {
    const results = r.throughput.get(name) ?? [];
    const megabytes = results.reduce((n, t) => n + t.bytes / 1e6, 0);
    const roles = [...new Set(results.flatMap((t) => Object.keys(t.cpu)))];
    const perRole = roles.map(
      (role) => [role, (1000 * results.reduce((n, t) => n + (t.cpu[role] ?? 0), 0)) / megabytes] as const,
    );
    return { total: perRole.reduce((n, [, v]) => n + v, 0), perRole };
  };
  const cpuCell = (name: SystemName) => {
    const { total, perRole } = cpuPerMb(name);
    return `${f1(total)} (${perRole.map(([role, v]) => `${role} ${f1(v)}`).join(", ")})`;
  };

  return `## Streaming (\`npm run bench:stream\`)

Casebook (agent process → run hub → socket.io \`/ui\` client feeding the terminal pane's own
\`OutputFeed\`, acknowledging offsets as the terminal does), WeTTY ${r.wettyVersion} (socket.io
client typing into \`input\`, reading \`data\`, sending \`commit\` as its browser client does) and a raw
node-pty PTY read in-process (the ceiling), serving the same commands on 127.0.0.1 in one run.
Every client finds the payload between markers the command prints, counts it and checksums it
(CRC-32) against the generator's own output.

| figure | Casebook | WeTTY ${r.wettyVersion} | raw PTY | target | met |
|---|---|---|---|---|---|
| throughput, ${mb} MB, median of ${r.rounds} (MB/s) | **${f1(tp("casebook"))}** | ${f1(tp("wetty"))} | ${f1(tp("raw"))} | ≥ 0.8× raw (${f1(0.8 * tp("raw"))}); now ${f2(tp("casebook") / tp("raw"))}× | ${mark(targets.throughput)} |
| &nbsp;&nbsp;each round (MB/s) | ${runs("casebook")} | ${runs("wetty")} | ${runs("raw")} | | |
| small-write latency p50 (ms) | **${f2(cb?.p50 ?? NaN)}** | ${f2(wt?.p50 ?? NaN)} | ${f2(raw?.p50 ?? NaN)} | no worse than WeTTY | ${mark(targets.latency)} |
| small-write latency p99 (ms) | ${f2(cb?.p99 ?? NaN)} | ${f2(wt?.p99 ?? NaN)} | ${f2(raw?.p99 ?? NaN)} | no worse than WeTTY | ${mark(targets.latencyP99)} |
| CPU per MB (ms), by process | ${cpuCell("casebook")} | ${cpuCell("wetty")} | ${cpuCell("raw")} | ≤ 1.2× WeTTY; now ${f2(cpuPerMb("casebook").total / cpuPerMb("wetty").total)}× | ${mark(cpuPerMb("casebook").total <= 1.2 * cpuPerMb("wetty").total)} |
| bytes lost, all throughput rounds | **${lost("casebook")}** (checksums ${checksums("casebook") ? "match" : "DIFFER"}) | ${lost("wetty")} (checksums ${checksums("wetty") ? "match" : "differ"}) | ${lost("raw")} (checksums ${checksums("raw") ? "match" : "differ"}) | zero (Casebook) | ${mark(targets.lost)} |
| ${c.runs} concurrent runs × ${r.sizes.concurrentBytes / 1e6} MB over ${r.agents} agents | **${f1(c.seconds)} s**, ${f1(c.mbPerSec)} MB/s aggregate, **${c.bytesLost} bytes lost**, ${c.badChecksums} bad checksums, ${c.notPassed} not passed; first output after ${f1(c.untilOutput.p50)} s (median), ${f1(c.untilOutput.p99)} s (p99), ${f1(c.untilOutput.max)} s (last); each run streamed for ${f1(c.streaming.p50)} s (median); CPU s: ${Object.entries(
    c.cpu,
  )
    .map(([role, v]) => `${role} ${f1(v)}`)
    .join(", ")} | – | – | zero lost | ${mark(c.bytesLost === 0 && c.badChecksums === 0)} |
| 50 runs started together: first output, p99 | **${f1(c.untilOutput.p99)} s** | – | – | under 1 s | ${mark(c.untilOutput.p99 < 1)} |
| one run: Run click to first output byte, p50 of ${fb.samples} | **${f1(fb.p50)} ms** (p90 ${f1(fb.p90)}, max ${f1(fb.max)}) | – | – | under 100 ms | ${mark(fb.p50 < 100)} |
| ${m.runs} concurrent streaming runs, ${st.bytesPerSec / 1e6} MB/s asked of each for ${st.seconds} s | **${m.atTarget} of ${m.runs}** at ≥ ${m.targetMbPerSec} MB/s (median ${f2(m.perRunMbPerSec.p50)}, lowest ${f2(m.perRunMbPerSec.min)}); output latency p50 ${f1(m.latency.p50)} ms, **p99 ${f1(m.latency.p99)} ms** (${m.latency.samples} ticks); ${m.incomplete} runs missing ticks or not passed; first output after ${f1(m.untilOutput.p50)} s (median), ${f1(m.untilOutput.max)} s (last); CPU s: ${Object.entries(
    m.cpu,
  )
    .map(([role, v]) => `${role} ${f1(v)}`)
    .join(
      ", ",
    )} | – | – | all ≥ ${m.targetMbPerSec} MB/s, p99 under 100 ms | ${mark(m.atTarget === m.runs && m.latency.p99 < 100 && m.incomplete === 0)} |
| server RSS while \`yes\` runs ${r.sizes.yesSeconds} s (min–max) | ${rssCell(r.rss.casebook)} | ${rssCell(r.rss.wetty)} | – | bounded | ${mark(targets.memory)} |

- Latency: the command prints \`TICK <monotonic ns>\` every ${r.sizes.tickIntervalMs} ms (${r.sizes.ticks} per run, ${r.rounds} interleaved runs per system, pooled); the
  client subtracts it from its own monotonic clock when the line reaches its terminal. For
  Casebook that is after the terminal feed's batching${cb?.socket ? `; straight off the socket it is p50 ${f2(cb.socket.p50)} ms, p99 ${f2(cb.socket.p99)} ms` : ""}.
- 50 runs started together: each step \`cat\`s the same payload, written beforehand by the generator, so
  the load costs the machine next to nothing (fifty node generators booting took 6.4 CPU-seconds); first output is
  when a run's begin marker reaches its client, from the moment all fifty were asked to start.
- Run click to first output byte: one run at a time, from the client sending \`run.start\` (then
  \`step.run\`, as the page does) until the step's first output chunk reaches the client's socket.
- Concurrent streaming runs: each prints \`TICK <monotonic ns>\` every ${st.tickIntervalMs} ms followed by filler making up its
  rate; a run's rate is its payload from first byte to end marker, and every tick's lateness at its terminal is pooled.
  The runs start together, so the ticks of the first runs also wait behind the later runs' starts.
- Throughput is payload bytes (the PTY's \\r\\n included) from the first payload byte to the end
  marker at the client, after one unmeasured round each (the JIT's warm-up); the rounds interleave
  the three systems so background load hits them alike.
- CPU per MB: user + system time of each process over the throughput rounds (/proc/<pid>/stat),
  per MB delivered; "client" is this benchmark process (for the raw PTY it is the PTY reader).
  The generator's own CPU (the same in all three) is not counted. On a 2-core machine the
  pipeline's total CPU per MB is what bounds its throughput.
- Memory: VmRSS of the server process (Casebook: the hub with better-auth and Prisma, without
  Next.js pages; WeTTY: its node process) every 250 ms while \`timeout ${r.sizes.yesSeconds} yes\` streams to a client
  that keeps up. V8 collects garbage lazily, so RSS alone cannot tell garbage from kept memory:
  the Casebook server also reports the memory in use (heap + external) after a full GC just
  before and just after the window (never inside it). Bounded (✓) means that figure came back
  within ${RETAINED_SLACK_MIB} MiB: nothing of the stream was kept.
- The Casebook server runs with a per-step output cap of 4 GiB (default 64 MB) so the ${mb} MB and
  \`yes\` steps are not cut short; every step's output is also stored in SQLite as it streams.
- To see where the hub's time goes, profile the server under test:
  \`BENCH_STREAM_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=bench/out/profile" npm run bench:stream\`, then
  open the \`.cpuprofile\` in Chrome DevTools. Sizes: \`BENCH_STREAM_MB\`, \`BENCH_STREAM_CONCURRENT_MB\`, \`BENCH_STREAM_ROUNDS\`; the streaming runs: \`BENCH_STREAM_MANY_RUNS\`, \`BENCH_STREAM_MANY_MBPS\`, \`BENCH_STREAM_MANY_SECONDS\`.
- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; load average (1/5/15 min) ${load(r.machine.loadAtStart)} at the
  start and ${load(r.machine.loadAtEnd)} at the end: the machine is shared, so absolute figures move between runs.`;
}
