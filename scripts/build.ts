// `npm run build`: the production build, stamped so that `npm start` knows it matches the sources
// (scripts/lib/build-freshness.ts). `npm start`, `npm test` and the Dockerfile all build this way.
import { spawnSync } from "node:child_process";
import { markBuilt } from "./lib/build-freshness";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
if (result.status !== 0) {
  console.error(`\nnext build failed (exit ${result.status ?? result.signal}).`);
  process.exit(result.status ?? 1);
}
markBuilt(process.cwd());
