// The Casebook server under benchmark, run as its own process so that its RSS is its own. It is
// the hub's integration-test harness (testing/hub-harness.ts): a migrated temp SQLite file, the
// run hub on a bare http.Server, better-auth sign-in and real agent processes; with the real content
// index over the throwaway CONTENT_DIR the parent wrote. Next.js pages are not loaded: nothing
// they do is on the streaming path.
// Env: CONTENT_DIR, BENCH_AGENTS (agent processes), BENCH_MAX_OUTPUT_MB (per-step output cap).
// Once ready it prints one line: `BENCH_READY {"url","cookie","hostIds"}`; SIGTERM stops it all.
// Run with --expose-gc, SIGUSR2 collects garbage and prints `BENCH_HEAP {"heapUsed",...}`: the
// memory still in use, which RSS alone cannot tell apart from garbage V8 has not collected yet.
import { getPlaybook } from "@/lib/playbooks/content-index";
import { startHarness } from "@/testing/hub-harness";
import { stopWhenAsked } from "../lib/stop-when-asked";
import { liveHeapNow } from "../lib/live-heap";

const agentCount = Number(process.env.BENCH_AGENTS ?? 1);
const maxOutputMb = Number(process.env.BENCH_MAX_OUTPUT_MB ?? 64);
if (!process.env.CONTENT_DIR) throw new Error("CONTENT_DIR must name the benchmark's playbook folder");

const harness = await startHarness([], { getPlaybook, maxOutputBytes: maxOutputMb * 1024 * 1024 });
const hostIds: string[] = [];
for (let i = 0; i < agentCount; i++)
  hostIds.push((await harness.agentFor(`bench-${i + 1}`, ["--max-risk", "read"])).hostId);
const cookie = await harness.signIn("operator");
console.log(`BENCH_READY ${JSON.stringify({ url: harness.url, cookie, hostIds })}`);

process.on("SIGUSR2", () => {
  console.log(`BENCH_HEAP ${JSON.stringify(liveHeapNow())}`);
});

stopWhenAsked(() => harness.stop());
