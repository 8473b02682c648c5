// Global setup of the PostgreSQL test project (vitest.config.ts): the migrated template that every
// test database is copied from, built once before the first test file.
import { migratedTemplate } from "./postgres-database";

export default async function setup(): Promise<void> {
  await migratedTemplate();
}
