// For tests: a fresh PostgreSQL database on 127.0.0.1 (POSTGRES_ADMIN_URL to point elsewhere),
// dropped with every connection to it when the test is done. `.ci/run` starts the server.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { migrationsHash } from "./temp-database";

const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MIGRATIONS = path.resolve(import.meta.dirname, "../prisma/postgres/migrations");

export interface PostgresDatabase {
  url: string;
  remove(): Promise<void>;
}

async function admin(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

/** An empty database, or with `template`, a copy of that one. */
export async function createPostgresDatabase(prefix: string, template?: string): Promise<PostgresDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return {
    url: urlOf(name),
    remove: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

let copies = 0;

/**
 * For createTempDatabase, which is synchronous (test files call it at their top): a copy of the
 * migrated template, made and dropped through psql. The PostgreSQL project's global setup builds
 * the template first (testing/postgres-project-setup.ts).
 */
export function copyPostgresTemplate(prefix: string): { url: string; remove(): void } {
  const name = `${prefix.replace(/[^a-z0-9]+/gi, "_")}${process.pid}_${Date.now()}_${copies++}`.toLowerCase();
  const psql = (sql: string) => execFileSync("psql", [ADMIN_URL, "-qc", sql], { stdio: "pipe" });
  psql(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  return { url: urlOf(name), remove: () => void psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const templateName = () => `casebook_tpl_${migrationsHash(MIGRATIONS)}`;

/** A fresh database with every migration applied: a copy of a template migrated once per set of them. */
export async function createMigratedPostgresDatabase(prefix: string): Promise<PostgresDatabase> {
  return createPostgresDatabase(prefix, await migratedTemplate());
}

/**
 * As for SQLite (./temp-database.ts): `prisma migrate deploy` costs PostgreSQL a dozen seconds of
 * fsyncs, a copy of a database a fraction of one. Named by a hash of the migrations and kept, so
 * a new set makes a new template; migrated under a private name and renamed, so a concurrent test
 * never copies half of one. Closed to connections: CREATE DATABASE … TEMPLATE refuses a template
 * anyone is connected to.
 */
export async function migratedTemplate(): Promise<string> {
  const template = templateName();
  const exists = await admin("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
  if (exists.rowCount) return template;
  const building = await createPostgresDatabase(`${template}_b`);
  const name = new URL(building.url).pathname.slice(1);
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: building.url },
      stdio: "pipe",
    });
    await admin(`ALTER DATABASE ${name} RENAME TO ${template}`);
    await admin(`ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false`);
  } catch (err) {
    await building.remove();
    // Another test built the same template meanwhile: theirs is as good.
    if (!(await admin("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount) throw err;
  }
  return template;
}
