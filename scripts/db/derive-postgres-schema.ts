// prisma/schema.prisma (SQLite) is the one source of truth. PostgreSQL needs its own provider line,
// client output and migrations, so its schema is derived from it; a unit test keeps them in sync.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output          = "../lib/db/generated"', 'output          = "../../lib/db/generated-pg"');
  return `// GENERATED from prisma/schema.prisma by scripts/db/derive-postgres-schema.ts. Do not edit.\n${out}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}
