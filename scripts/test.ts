// `npm test`: the whole suite, fail-fast, cheapest checks first.
import { spawnSync } from "node:child_process";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const stages: Array<[name: string, cmd: string, args: string[]]> = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["content", "npx", ["tsx", "--import", "./server/server-only-hook.mjs", "scripts/check-content.ts"]],
  ["unit + integration", "npx", ["vitest", "run"]],
  ["build", "npx", ["tsx", "scripts/build.ts"]],
  ["end-to-end", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
const timings: string[] = [];
for (const [name, cmd, args] of stages) {
  if (only.length > 0 && !only.includes(name.split(" ")[0]!)) continue;
  console.log(`\n━━ ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: name === "build" ? "production" : "test" },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds}s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s.\n${timings.join("\n")}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✓ all stages passed\n${timings.join("\n")}`);
