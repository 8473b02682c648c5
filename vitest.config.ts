import path from "node:path";
import { defineConfig } from "vitest/config";
import { leftBehindDirs } from "./scripts/lib/left-behind.mjs";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/ modules that touch the database or files start with `import "server-only"`, which throws
      // unless the "react-server" condition is set, as in Next's server bundles. Tests run them as
      // plain server code; setting that condition here would also switch React to its server build
      // and break the render tests, so the marker alone resolves to its empty module (plain Node:
      // server/server-only-hook.mjs).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/node_modules/**", "e2e/**", ...leftBehindDirs(import.meta.dirname).map((dir) => `${dir}**`)],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real agent processes and databases; keep them from fighting over 2 cores.
    fileParallelism: false,
  },
});
