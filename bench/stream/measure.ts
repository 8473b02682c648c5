// One measurement each: throughput with a byte-exact check, small-write latency, many runs at
// once, and a server's memory while `yes` streams.
import { percentile } from "../lib/stats";
import type { BenchStep } from "./bench-playbook";
import type { LiveHeap } from "./casebook-process";
import type { CasebookViewer } from "./casebook-viewer";
import { startCpuMeter, type ProcessRoles } from "./cpu-usage";
import { PayloadSink, TickReader } from "./payload-sink";
import { sampleRss } from "./rss-sampler";
import type { StreamingSystem } from "./systems";

export interface Expected {
  bytes: number;
  crc32: number;
}

export interface ThroughputResult {
  mbPerSec: number;
  seconds: number;
  bytes: number;
  bytesLost: number;
  checksumOk: boolean;
  verdict: string | null;
  /** CPU seconds per role (server, agents, client) during the run. */
  cpu: Record<string, number>;
}

const MB = 1e6;

export async function measureThroughput(
  system: StreamingSystem,
  step: BenchStep,
  expected: Expected,
  timeoutMs: number,
): Promise<ThroughputResult> {
  const sink = new PayloadSink();
  const meter = startCpuMeter(system.roles());
  const outcome = await system.run(step, sink, timeoutMs);
  const got = await sink.done;
  const cpu = meter.stop();
  const seconds = Number(got.endAt - got.firstAt) / 1e9;
  return {
    mbPerSec: got.bytes / MB / seconds,
    seconds,
    bytes: got.bytes,
    bytesLost: expected.bytes - got.bytes,
    checksumOk: got.bytes === expected.bytes && got.crc32 === expected.crc32,
    verdict: outcome?.view.verdict ?? null,
    cpu,
  };
}

export interface LatencyResult {
  samples: number;
  p50: number;
  p99: number;
  /** Casebook only: measured when chunks come off the socket, before the terminal feed batches them. */
  socket?: { p50: number; p99: number };
}

/** Collects tick latencies (ms) from one run of `step`: at the terminal, and off the socket where there is one. */
export async function collectTicks(
  system: StreamingSystem,
  step: BenchStep,
  ticks: number,
  timeoutMs: number,
): Promise<{ terminal: number[]; socket: number[] }> {
  const atTerminal = new TickReader();
  const atSocket = new TickReader();
  const sink = new PayloadSink((data, at) => atTerminal.push(data, at));
  await system.run(step, sink, timeoutMs, (data, at) =>
    atSocket.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength), at),
  );
  await sink.done;
  if (atTerminal.latenciesMs.length !== ticks)
    throw new Error(`${system.label}: expected ${ticks} ticks, read ${atTerminal.latenciesMs.length}`);
  return { terminal: atTerminal.latenciesMs, socket: atSocket.latenciesMs };
}

export function summariseLatency(terminal: number[], socket: number[]): LatencyResult {
  const result: LatencyResult = {
    samples: terminal.length,
    p50: percentile(terminal, 50),
    p99: percentile(terminal, 99),
  };
  if (socket.length) result.socket = { p50: percentile(socket, 50), p99: percentile(socket, 99) };
  return result;
}

export interface ConcurrentResult {
  runs: number;
  seconds: number;
  mbPerSec: number;
  bytesLost: number;
  badChecksums: number;
  notPassed: number;
  cpu: Record<string, number>;
  /** Seconds from the start until each command's first output reached its client (median, max). */
  untilOutput: { p50: number; max: number };
  /** Seconds each run spent streaming, first payload byte to end marker (median, max). */
  streaming: { p50: number; max: number };
}

/** `viewers[i]` runs one step on `hostIds[i % hostIds.length]`; all start together. */
export async function measureConcurrent(
  viewers: CasebookViewer[],
  hostIds: string[],
  roles: ProcessRoles,
  step: BenchStep,
  expected: Expected,
  playbook: string,
  timeoutMs: number,
): Promise<ConcurrentResult> {
  const meter = startCpuMeter(roles);
  const t0 = process.hrtime.bigint();
  const results = await Promise.all(
    viewers.map(async (viewer, i) => {
      const sink = new PayloadSink();
      const outcome = await viewer.runStep(playbook, hostIds[i % hostIds.length]!, step.id, sink, timeoutMs);
      return { got: await sink.done, beginAt: sink.beginAt, verdict: outcome.view.verdict };
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = meter.stop();
  const received = results.reduce((n, r) => n + r.got.bytes, 0);
  const untilOutput = results.map((r) => Number(r.beginAt - t0) / 1e9);
  const streaming = results.map((r) => Number(r.got.endAt - r.got.firstAt) / 1e9);
  return {
    runs: results.length,
    seconds,
    mbPerSec: received / MB / seconds,
    bytesLost: results.reduce((n, r) => n + Math.max(0, expected.bytes - r.got.bytes), 0),
    badChecksums: results.filter((r) => r.got.bytes !== expected.bytes || r.got.crc32 !== expected.crc32).length,
    notPassed: results.filter((r) => r.verdict !== "passed").length,
    cpu,
    untilOutput: { p50: percentile(untilOutput, 50), max: Math.max(...untilOutput) },
    streaming: { p50: percentile(streaming, 50), max: Math.max(...streaming) },
  };
}

export interface RssResult {
  beforeMib: number;
  minMib: number;
  maxMib: number;
  /** Peak over the first and over the last third of the run. */
  firstThirdMaxMib: number;
  lastThirdMaxMib: number;
  samples: number;
  streamedMb: number;
  seconds: number;
  /** Casebook only: memory in use after a full GC, before the run and after it. */
  live?: { beforeMib: number; afterMib: number };
  /** Nothing retained (live memory back within RETAINED_SLACK_MIB), when that can be measured. */
  bounded: boolean | null;
}

/** Memory still in use after the stream ended, beyond what was in use before it, that counts as kept. */
export const RETAINED_SLACK_MIB = 16;
const mib = (bytes: number) => bytes / 2 ** 20;

/**
 * Samples the server's RSS every 250 ms while `step` streams to a client that keeps up. Live memory
 * is read only before and after the sampling window: a forced GC inside it would lower the RSS.
 */
export async function measureRss(
  system: StreamingSystem,
  step: BenchStep,
  serverPid: number,
  timeoutMs: number,
  liveHeap?: () => Promise<LiveHeap>,
): Promise<RssResult> {
  const liveBefore = liveHeap ? await liveHeap() : null;
  const before = sampleRss(serverPid).stop()[0] ?? NaN;
  const sink = new PayloadSink();
  const sampler = sampleRss(serverPid, 250);
  await system.run(step, sink, timeoutMs);
  const got = await sink.done;
  const samples = sampler.stop();
  const liveAfter = liveHeap ? await liveHeap() : null;
  const third = Math.max(1, Math.floor(samples.length / 3));
  const inUse = (h: LiveHeap) => mib(h.heapUsed + h.external);
  const live = liveBefore && liveAfter ? { beforeMib: inUse(liveBefore), afterMib: inUse(liveAfter) } : undefined;
  return {
    beforeMib: before,
    minMib: Math.min(...samples),
    maxMib: Math.max(...samples),
    firstThirdMaxMib: Math.max(...samples.slice(0, third)),
    lastThirdMaxMib: Math.max(...samples.slice(-third)),
    samples: samples.length,
    streamedMb: got.bytes / MB,
    seconds: Number(got.endAt - got.firstAt) / 1e9,
    live,
    bounded: live ? live.afterMib - live.beforeMib <= RETAINED_SLACK_MIB : null,
  };
}
