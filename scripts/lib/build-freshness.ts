import fs from "node:fs";
import path from "node:path";

// What the Next.js build compiles. content/ is read at run time, so it is not here.
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];

/** The newest modification time of a file or of anything in a folder (generated/ and node_modules/ aside). */
export function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const STAMP = path.join(".next", "casebook-build-stamp");

/** Records that the production build in .next matches the sources now. */
export function markBuilt(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), new Date().toISOString());
}

/** True when there is no production build, or a source file changed after it was made. */
export function buildIsStale(root: string): boolean {
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(stamp)) return true;
  const builtAt = fs.statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > builtAt);
}
