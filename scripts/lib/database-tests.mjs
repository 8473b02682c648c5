// Which test files the PostgreSQL project (vitest.config.ts) runs again: every one that makes a
// database of its own (createTempDatabase, or the hub harness, which makes one), except those
// that are about one database on purpose and say so with a `one-database:` comment (a SQLite
// lock, a private PostgreSQL server restarted). Found by content, so a new one is never left out.
// Plain JavaScript: vitest.config.ts imports it.
import fs from "node:fs";
import path from "node:path";

const MAKES_DATABASE = /\b(createTempDatabase|startHarness)\(/;
const ONE_DATABASE = /one-database:/;

/** Test files under `root`, relative, that make a database and are not about one in particular. */
export function databaseTestFiles(root, skipDirs) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name.startsWith(".") || skipDirs.includes(`${rel}/`)) continue;
        walk(rel);
      } else if (/\.test\.tsx?$/.test(entry.name) && !rel.startsWith("testing/")) {
        const text = fs.readFileSync(path.join(root, rel), "utf8");
        if (MAKES_DATABASE.test(text) && !ONE_DATABASE.test(text)) found.push(rel);
      }
    }
  };
  walk("");
  return found.sort();
}
