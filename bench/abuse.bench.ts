// `npm run bench:abuse`: the flood target of issue #8. A Casebook server process (hub + one agent)
// on 127.0.0.1; an operator's tab watches a run printing a timestamped line every 10 ms while
// /api/health is polled and the server's RSS sampled. First with no flood (the baseline), then
// with each flood in turn: 10,000 messages of one kind from one socket. Writes the "abuse" section
// of docs/benchmarks.md. Not part of `npm test`; stops by itself (watchdog) and stops what it started.
import os from "node:os";
import path from "node:path";
import { flood, FLOOD_KINDS, type FloodKind, type FloodResult } from "./abuse/flood";
import { startAbuseServer, type AbuseServer } from "./abuse/abuse-process";
import { probeHealth } from "./abuse/health-probe";
import { renderAbuseReport, type PhaseFigures } from "./abuse/report-table";
import { nowMs, sampleRss, within } from "./abuse/timeline";
import { watchVictim } from "./abuse/victim";
import { writeBenchmarkSection } from "./lib/report";
import { percentile } from "./lib/stats";
import { writeBenchPlaybook } from "./stream/bench-playbook";
import { EMIT_TICKS } from "./stream/expected-payload";
import { startBenchRun } from "./lib/bench-run";

const FLOOD_COUNT = 10_000;
const TICKS = 1500;
const TICK_MS = 10;
/** The flood starts this long after the victim's step, so that its output is flowing. */
const LEAD_MS = 1000;
const FLOOD_TIMEOUT_MS = 60_000;
/** A flood's figures cover at least this long from its first message: the server may still be catching up. */
const OBSERVE_MS = 5000;
const WATCHDOG_MS = 6 * 60_000;

const { work, cleanUp } = startBenchRun("abuse", WATCHDOG_MS);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timeout = <T>(ms: number, what: string) =>
  sleep(ms).then((): T => {
    throw new Error(`${what} did not end within ${ms} ms`);
  });

/** One victim run with the health probe and RSS sampler around it, and `kind`'s flood inside it. */
async function phase(server: AbuseServer, kind: FloodKind | null): Promise<PhaseFigures> {
  const rss = sampleRss(server.pid);
  const health = probeHealth(server.healthUrl);
  const victim = watchVictim(server, "ticks");
  const started = nowMs();
  let window = { from: started, to: Infinity };
  let result: FloodResult | null = null;
  if (kind) {
    const ids = await victim.ids;
    await sleep(LEAD_MS);
    window = { from: nowMs(), to: Infinity };
    const target = { ...server, ...ids };
    result = await Promise.race([flood(kind, target, FLOOD_COUNT), timeout<FloodResult>(FLOOD_TIMEOUT_MS, kind)]);
    window.to = Math.max(nowMs(), window.from + OBSERVE_MS);
  }
  const delays = await Promise.race([victim.delays, timeout<never>(TICKS * TICK_MS + 60_000, "the victim's step")]);
  const rssSamples = rss.stop();
  const healthSamples = await health.stop();
  const rssInWindow = within(rssSamples, window.from, window.to);
  return {
    delays: within(delays, window.from, window.to),
    health: within(healthSamples, window.from, window.to),
    rss: kind ? Math.max(...rssInWindow) : percentile(rssInWindow, 50),
    flood: result,
  };
}

const contentDir = path.join(work, "content");
const command = `${JSON.stringify(process.execPath)} ${EMIT_TICKS} ${TICKS} ${TICK_MS}`;
writeBenchPlaybook(contentDir, [{ id: "ticks", title: "Print timestamped lines", command, timeout: "5m" }]);

try {
  console.log("starting the Casebook server (hub + agent)…");
  const server = await startAbuseServer(contentDir, 120_000);
  console.log("baseline: the victim run with no flood…");
  const baseline = await phase(server, null);
  const floods: PhaseFigures[] = [];
  for (const kind of FLOOD_KINDS) {
    console.log(`flood: ${FLOOD_COUNT} × ${kind}…`);
    floods.push(await phase(server, kind));
  }
  const header = [
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. One Casebook server`,
    "process (the hub with better-auth, Prisma on SQLite and one agent; the real `/api/health` handler on a",
    "second port of that process). An operator's tab watches a step printing `TICK <monotonic ns>` every",
    `${TICK_MS} ms and acknowledges its output; \`/api/health\` is fetched one request at a time every ~20 ms;`,
    "the server's VmRSS is sampled every 100 ms. Each flood is one socket (a viewer's `/ui`, or `/agent` with a",
    "second host's valid token) sending 10,000 messages in batches of 100, stopping once disconnected; a flood's",
    `figures cover its first message until ${OBSERVE_MS / 1000} s later (or its end, if later; a flooder that is not`,
    'disconnected waits 2 s after its last message). "Sent" counts messages the client had written when it saw',
    "the disconnect (the server may have read fewer); the victim's step runs 15 s, the flood starts 1 s into it.",
  ].join("\n");
  const markdown = renderAbuseReport(baseline, floods, header);
  console.log(`\n${markdown}\n`);
  writeBenchmarkSection("abuse", markdown);
  console.log("written to docs/benchmarks.md");
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
