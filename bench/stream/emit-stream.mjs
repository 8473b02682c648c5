// Streams for SECONDS at BYTES_PER_SEC: every INTERVAL_MS a line "TICK <ns>" (the system-wide
// monotonic clock, as emit-ticks.mjs) followed by filler lines making up that interval's share of
// the rate, so one run measures both its throughput and how late its output arrives.
// With GO_FILE it first waits until that file exists, so many runs can be started one after another
// and then stream together.
// Usage: node emit-stream.mjs SECONDS BYTES_PER_SEC INTERVAL_MS [GO_FILE]
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { setTimeout } from "node:timers";

const [seconds, rate, interval] = process.argv.slice(2, 5).map(Number);
if (!(seconds > 0) || !(rate > 0) || !(interval > 0)) {
  console.error("emit-stream: usage: node emit-stream.mjs SECONDS BYTES_PER_SEC INTERVAL_MS");
  process.exit(2);
}
const ticks = Math.round((seconds * 1000) / interval);
const line = "y".repeat(99) + "\n";
const filler = line.repeat(Math.max(0, Math.floor((rate * interval) / 1000 / line.length)));
const goFile = process.argv[5];
while (goFile && !fs.existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 10));
const start = performance.now();
let sent = 0;
const tick = () => {
  process.stdout.write(`TICK ${process.hrtime.bigint()}\n${filler}`);
  if (++sent >= ticks) return;
  // Against the schedule, not the last write: a slow reader does not lower the rate asked for.
  setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
};
tick();
