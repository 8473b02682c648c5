// What commands leave behind in the checkout (builds, benchmark installs, test reports, local data):
// the directories .gitignore names. Test discovery and lint skip them, so that `npm run bench:stream`
// (which installs WeTTY and node-pty's own tests under bench/out/) cannot break `npm test`.
// Plain JavaScript: eslint.config.js imports it as well as vitest.config.ts.
import fs from "node:fs";
import path from "node:path";

/** The directories .gitignore lists (lines ending in "/"), as "dir/" paths relative to `root`. */
export function leftBehindDirs(root) {
  return fs
    .readFileSync(path.join(root, ".gitignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.endsWith("/") && !line.startsWith("#") && !line.startsWith("!"))
    .map((line) => line.replace(/^\//, ""));
}
