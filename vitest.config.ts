import path from "node:path";
import { defineConfig } from "vitest/config";
import { databaseTestFiles } from "./scripts/lib/database-tests.mjs";
import { leftBehindDirs } from "./scripts/lib/left-behind.mjs";

const root = import.meta.dirname;
const skipped = leftBehindDirs(root);

const resolve = {
  alias: {
    "@": root,
    // lib/ modules that touch the database or files start with `import "server-only"`, which throws
    // unless the "react-server" condition is set, as in Next's server bundles. Tests run them as
    // plain server code; setting that condition here would also switch React to its server build
    // and break the render tests, so the marker alone resolves to its empty module (plain Node:
    // server/server-only-hook.mjs).
    "server-only": path.resolve(root, "node_modules/server-only/empty.js"),
  },
};

const shared = {
  exclude: ["**/node_modules/**", "e2e/**", ...skipped.map((dir) => `${dir}**`)],
  environment: "node",
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Tests build many throwaway content folders; the parse cache would leave an entry folder for each
  // under data/. Its own tests turn it on with a folder of their own.
  env: { CASEBOOK_CONTENT_CACHE: "off" },
};

export default defineConfig({
  resolve,
  test: {
    // Two files at a time: integration tests mostly wait on agents, PTYs and databases, so two
    // share 2 cores well; more would fight over them and stretch the timing-bound tests.
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
    // Every integration test that makes a database runs on SQLite and again on PostgreSQL
    // (testing/temp-database.ts), so neither half of the data layer goes untested.
    projects: [
      { resolve, test: { ...shared, name: "sqlite", include: ["**/*.test.ts", "**/*.test.tsx"] } },
      {
        resolve,
        test: {
          ...shared,
          name: "postgres",
          include: databaseTestFiles(root, skipped),
          env: { ...shared.env, CASEBOOK_TEST_DB: "postgres" },
          globalSetup: ["testing/postgres-project-setup.ts"],
        },
      },
    ],
  },
});
