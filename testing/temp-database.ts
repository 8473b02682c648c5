// For tests: a fresh, migrated database: a SQLite file, or under the PostgreSQL test project
// (CASEBOOK_TEST_DB=postgres, vitest.config.ts) a PostgreSQL database. Set DATABASE_URL to `url`
// before importing lib/db/client.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyPostgresTemplate } from "./postgres-database";

export interface TempDatabase {
  url: string;
  remove(): void;
}

const MIGRATIONS = path.resolve(import.meta.dirname, "../prisma/migrations");

export function createTempDatabase(prefix = "casebook-test-"): TempDatabase {
  if (process.env.CASEBOOK_TEST_DB === "postgres") return copyPostgresTemplate(prefix);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "casebook.db");
  fs.copyFileSync(migratedTemplate(), file);
  return { url: `file:${file}`, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A database migrated once per set of migrations and copied for each test: `prisma migrate deploy`
 * costs seconds of CPU, a copy a millisecond. Named by a hash of the migrations, so a new one
 * makes a new template; built under a private name and renamed, so concurrent runs never see half.
 */
function migratedTemplate(): string {
  const template = path.join(os.tmpdir(), `casebook-migrated-${migrationsHash(MIGRATIONS)}.db`);
  if (fs.existsSync(template)) return template;
  const building = `${template}.${process.pid}.building`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${building}` },
    stdio: "pipe",
  });
  fs.renameSync(building, template);
  return template;
}

/** Names a set of migrations: 16 hex digits that change when any file under `dir` does. */
export function migrationsHash(dir: string): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest("hex").slice(0, 16);
}
