import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./derive-postgres-schema";

describe("PostgreSQL schema", () => {
  it("is derived from the SQLite schema (run `npx tsx scripts/db/derive-postgres-schema.ts` after editing it)", () => {
    const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derived);
  });
});
