// Moved to testing/temp-database.ts. Kept only until lib/incidents/store.test.ts (another branch)
// imports it from there; then delete this file.
export { createTempDatabase, type TempDatabase } from "@/testing/temp-database";
