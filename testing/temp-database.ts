// For tests: a fresh, migrated SQLite file. Set DATABASE_URL to `url` before importing lib/db/client.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TempDatabase {
  url: string;
  remove(): void;
}

export function createTempDatabase(prefix = "casebook-test-"): TempDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const url = `file:${path.join(dir, "casebook.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return { url, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
