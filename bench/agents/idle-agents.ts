// Many idle agents in one process: the real Agent class (agent/src/agent.ts), one per token in
// BENCH_TOKENS_FILE lines [BENCH_FROM, BENCH_FROM + BENCH_COUNT), each on its own socket.io
// connection to BENCH_URL, saying hello and heartbeating as casebook-agent does; none runs a step.
// They start a batch at a time, as a fleet coming up would, rather than in one burst. Prints
// `SIM_STARTED n` once all are dialling; SIGTERM disconnects them all.
import fs from "node:fs";
import os from "node:os";
import { Agent } from "@/agent/src/agent";

const url = process.env.BENCH_URL ?? "";
const from = Number(process.env.BENCH_FROM ?? 0);
const count = Number(process.env.BENCH_COUNT ?? 0);
const tokens = fs
  .readFileSync(process.env.BENCH_TOKENS_FILE ?? "", "utf8")
  .split("\n")
  .slice(from, from + count);
const BATCH = 25;
const BATCH_EVERY_MS = 50;

const agents: Agent[] = [];
for (let i = 0; i < tokens.length; i++) {
  const agent = new Agent(
    {
      servers: [url],
      token: tokens[i] ?? "",
      name: `idle-${from + i + 1}`,
      policy: { maxRisk: "read", allowTags: null, allowPlaybooks: null },
      workdir: os.tmpdir(),
      shell: "bash",
      graceMs: 500,
      manifest: null,
    },
    (reason) => {
      console.error(`idle agent ${from + i + 1} stopped: ${reason}`);
      process.exit(1);
    },
  );
  agents.push(agent);
  agent.start();
  if ((i + 1) % BATCH === 0) await new Promise((resolve) => setTimeout(resolve, BATCH_EVERY_MS));
}
console.log(`SIM_STARTED ${agents.length}`);

process.on("SIGTERM", () => void Promise.all(agents.map((a) => a.stop(0))).finally(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
