// Prints COUNT lines "TICK <ns>" every INTERVAL_MS milliseconds, <ns> being this moment on the
// system-wide monotonic clock (process.hrtime), so a reader on the same machine can compute how
// long each small write took to reach it.
// Usage: node emit-ticks.mjs COUNT INTERVAL_MS
import { setTimeout } from "node:timers";

const count = Number(process.argv[2]);
const interval = Number(process.argv[3]);
if (!Number.isInteger(count) || count <= 0 || !(interval > 0)) {
  console.error("emit-ticks: usage: node emit-ticks.mjs COUNT INTERVAL_MS");
  process.exit(2);
}
let sent = 0;
const tick = () => {
  process.stdout.write(`TICK ${process.hrtime.bigint()}\n`);
  if (++sent < count) setTimeout(tick, interval);
};
tick();
