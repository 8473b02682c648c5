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
  /** Seconds from the start until each command's first output reached its client. */
  untilOutput: { p50: number; p99: number; max: number };
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
    untilOutput: { p50: percentile(untilOutput, 50), p99: percentile(untilOutput, 99), max: Math.max(...untilOutput) },
    streaming: { p50: percentile(streaming, 50), max: Math.max(...streaming) },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
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

export interface FirstByteResult {
  samples: number;
  /** Milliseconds from the client's `run.start` to the step's first output byte at the client. */
  p50: number;
  p90: number;
  max: number;
}

/** Between two clicks: one run costs three commands, and a socket may send ten a second (socket-limits.ts). */
const CLICK_GAP_MS = 400;

/**
 * One run at a time, as a person clicks Run: from sending `run.start` (then `step.run`, as the
 * page does) until the first output chunk of the step reaches the client's socket, `times` times.
 */
export async function measureFirstByte(
  viewer: CasebookViewer,
  hostId: string,
  step: BenchStep,
  playbook: string,
  times: number,
  timeoutMs: number,
): Promise<FirstByteResult> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    let first = 0n;
    const t0 = process.hrtime.bigint();
    await viewer.runStep(playbook, hostId, step.id, new PayloadSink(), timeoutMs, (_data, at) => {
      if (first === 0n) first = at;
    });
    ms.push(Number(first - t0) / 1e6);
    await new Promise((resolve) => setTimeout(resolve, CLICK_GAP_MS));
  }
  return { samples: ms.length, p50: percentile(ms, 50), p90: percentile(ms, 90), max: Math.max(...ms) };
}

export interface ManyStreamsResult {
  runs: number;
  /** Each run's payload rate, first payload byte to end marker (MB/s): median and lowest. */
  perRunMbPerSec: { p50: number; min: number };
  /** Runs that streamed at `targetMbPerSec` or more. */
  atTarget: number;
  targetMbPerSec: number;
  /** Tick latency (ms) over every tick of every run, at the terminal. */
  latency: { samples: number; p50: number; p99: number; max: number };
  /** Runs that did not deliver every tick they printed, or did not pass. */
  incomplete: number;
  /** Seconds from the start until each run's first output reached its client (median, max). */
  untilOutput: { p50: number; max: number };
  cpu: Record<string, number>;
}

/** Runs started at once for the streaming figure: its subject is streaming, not starting (measureConcurrent's). */
const STREAM_STARTS_AT_ONCE = 10;

/**
 * `viewers[i]` runs `step` (emit-stream.mjs: a tick and a rate's worth of filler every interval)
 * on `hostIds[i % hostIds.length]`. The runs start a few at a time, and `go()` releases them to
 * stream together once every one has printed its begin marker. Each run's throughput and the
 * lateness of every tick it printed, at its terminal.
 */
export async function measureManyStreams(
  viewers: CasebookViewer[],
  hostIds: string[],
  roles: ProcessRoles,
  step: BenchStep,
  playbook: string,
  expectedTicks: number,
  targetMbPerSec: number,
  timeoutMs: number,
  go: () => void,
): Promise<ManyStreamsResult> {
  const t0 = process.hrtime.bigint();
  const sinks = viewers.map(() => {
    const ticks = new TickReader();
    return { ticks, sink: new PayloadSink((data, at) => ticks.push(data, at)) };
  });
  let slots = STREAM_STARTS_AT_ONCE;
  const waiting: (() => void)[] = [];
  const slot = () => (slots-- > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  const free = () => (waiting.length ? waiting.shift()!() : slots++);
  const running = viewers.map(async (viewer, i) => {
    const { sink, ticks } = sinks[i]!;
    await slot();
    const outcome = viewer.runStep(playbook, hostIds[i % hostIds.length]!, step.id, sink, timeoutMs);
    // Started once its begin marker arrived (or it ended without one): the next may start.
    await Promise.race([until(() => sink.beginAt !== 0n), outcome.catch(() => {})]);
    free();
    const view = (await outcome).view;
    return { got: await sink.done, beginAt: sink.beginAt, ticks: ticks.latenciesMs, verdict: view.verdict };
  });
  await until(() => sinks.every((s) => s.sink.beginAt !== 0n));
  const meter = startCpuMeter(roles);
  go();
  const results = await Promise.all(running);
  const cpu = meter.stop();
  const rates = results.map((r) => r.got.bytes / MB / (Number(r.got.endAt - r.got.firstAt) / 1e9));
  const latencies = results.flatMap((r) => r.ticks);
  const untilOutput = results.map((r) => Number(r.beginAt - t0) / 1e9);
  return {
    runs: results.length,
    perRunMbPerSec: { p50: percentile(rates, 50), min: Math.min(...rates) },
    atTarget: rates.filter((r) => r >= targetMbPerSec).length,
    targetMbPerSec,
    latency: {
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
    },
    incomplete: results.filter((r) => r.ticks.length !== expectedTicks || r.verdict !== "passed").length,
    untilOutput: { p50: percentile(untilOutput, 50), max: Math.max(...untilOutput) },
    cpu,
  };
}
