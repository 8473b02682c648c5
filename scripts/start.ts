// `npm start`: everything a newcomer needs, in order — database migrations, a production build
// when the sources changed, then the server with first-start seeding and a local agent.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { localAgentBundle } from "./lib/agent-bundle";
import { buildIsStale } from "./lib/build-freshness";
import { migrateDeploy } from "./lib/migrate";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// (process.env.NODE_ENV is typed read-only by Next.js.)
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

fs.mkdirSync("data", { recursive: true });
const migrated = migrateDeploy();
process.stdout.write(migrated.output);
if (!migrated.ok) {
  console.error("\nprisma migrate deploy failed.");
  process.exit(1);
}

if (process.env.NODE_ENV === "production" && buildIsStale(process.cwd())) {
  console.log("Building Casebook (first start or changed sources)…");
  run("npx", ["tsx", "scripts/build.ts"]);
}

// Before the server starts: making the bundle blocks for a moment.
const agentEntry = localAgentBundle(process.cwd()) ?? undefined;
const { startServer } = await import("../server/index");
const server = await startServer();
const { enrollLocalAgent } = await import("../lib/hosts/local-agent");
const agent = await enrollLocalAgent({ serverUrl: server.url, agentEntry });
if (agent) console.log(`  This machine is enrolled as host "${agent.hostName}"; its agent is running.\n`);
console.log(`  Casebook is running at ${server.url}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.allSettled([agent?.stop(), server.close()]).then(() => process.exit(0));
  });
}
