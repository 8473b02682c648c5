// Prisma's native engines cannot be downloaded on our machines, so the CLI runs its bundled
// WebAssembly schema engine through a driver adapter (see docs/decisions.md). SQLite is the
// default; a postgres:// DATABASE_URL switches to the derived PostgreSQL schema and migrations.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, isPostgres } from "./lib/db/url";
import { createPostgresAdapter } from "./lib/db/postgres-adapter";

// The schema reads env("DATABASE_URL"); give it the same default the app uses.
const url = databaseUrl();
process.env.DATABASE_URL = url;
const dir = isPostgres(url) ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    return isPostgres(url) ? createPostgresAdapter(url) : new PrismaBetterSQLite3({ url });
  },
});
