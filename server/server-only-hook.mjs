// Loaded with `--import ./server/server-only-hook.mjs` by every command that runs lib/ code in plain
// Node (tsx) rather than in Next's server bundles: the custom server (`npm start`, `npm run dev`, the
// e2e and bench servers), the scripts and the benchmarks.
//
// Why: lib/ modules that touch the database or the filesystem start with `import "server-only"`, so
// a client component that reaches one fails `next build`. That package throws unless the
// "react-server" export condition is active, which Next sets in its server bundles only. Setting it
// for the whole process (`node --conditions=react-server`) would also switch React to its server
// build and break page rendering, so the hook sets it for the `server-only` specifier alone; the
// package's own exports map then picks its empty module. Vitest does the same with an alias
// (vitest.config.ts).
import { register } from "node:module";

register("./server-only-resolve.mjs", import.meta.url);
