// The Casebook server under the idle-agents benchmark, as its own process so that its RSS is its
// own: the hub's integration-test harness (testing/hub-harness.ts) on a temp SQLite file, with
// BENCH_HOSTS hosts enrolled at once (below). It writes their tokens, one a line, to
// BENCH_TOKENS_FILE, then prints `BENCH_READY {"url"}`; `BENCH_ONLINE n` whenever an agent comes or
// goes. Run with --expose-gc, SIGUSR2 collects garbage and prints
// `BENCH_HEAP {"heapUsed",...,"online"}` (and writes a heap snapshot into BENCH_HEAP_SNAPSHOT_DIR
// when set). SIGTERM stops it.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { generateToken, hashToken, tokenPrefix } from "@/lib/hosts/tokens";
import { isOnline, onPresenceChange } from "@/lib/hosts/presence";
import { startHarness } from "@/testing/hub-harness";
import { stopWhenAsked } from "../lib/stop-when-asked";
import { liveHeapNow } from "../lib/live-heap";

const hostCount = Number(process.env.BENCH_HOSTS ?? 1000);
const tokensFile = process.env.BENCH_TOKENS_FILE;
if (!tokensFile) throw new Error("BENCH_TOKENS_FILE must name the file for the hosts' tokens");

const harness = await startHarness([]);

// One insert for every host: createHost's checks and audit row, a thousand times over, would only
// make the setup slow. The tokens are made and hashed as createHost does (lib/hosts/tokens.ts), so
// the hub authenticates them exactly as it does an enrolled host's.
const tokens = Array.from({ length: hostCount }, () => generateToken());
const data = tokens.map((token, i) => ({
  name: `idle-${i + 1}`,
  tokenHash: hashToken(token),
  tokenPrefix: tokenPrefix(token),
}));
await harness.db.host.createMany({ data });
const hostIds = (await harness.db.host.findMany({ select: { id: true } })).map((h) => h.id);
fs.writeFileSync(tokensFile, tokens.join("\n") + "\n", { mode: 0o600 });

let online = 0;
onPresenceChange((_hostId, up) => {
  online += up ? 1 : -1;
  console.log(`BENCH_ONLINE ${online}`);
});

console.log(`BENCH_READY ${JSON.stringify({ url: harness.url })}`);

process.on("SIGUSR2", () => {
  const heap = {
    ...liveHeapNow(),
    online: hostIds.filter(isOnline).length,
  };
  // To see where the memory goes: BENCH_HEAP_SNAPSHOT_DIR=dir npm run bench:agents, then compare the
  // snapshots with no agent and with all of them (Chrome DevTools, Memory, Comparison). Writing a
  // snapshot takes memory the process keeps: that run's RSS figures are not comparable.
  const snapshots = process.env.BENCH_HEAP_SNAPSHOT_DIR;
  if (snapshots) v8.writeHeapSnapshot(path.join(snapshots, `server-${heap.online}-agents.heapsnapshot`));
  console.log(`BENCH_HEAP ${JSON.stringify(heap)}`);
});

stopWhenAsked(() => harness.stop());
