// The parse worker as one file. Through tsx (parse-worker.mjs), a new worker resolves and compiles a
// few hundred modules one by one, so it is ready to parse only after about 0.9 s. That is a third of
// a thousand-playbook build, and the main thread parses alone all that time. Bundled with esbuild,
// the same worker is ready in about 0.2 s.
//
// The bundle is built on first use, in esbuild's own process while the main thread parses. It is
// kept under node_modules/.cache, a folder of the installing user's, not a shared temp folder. It is
// named for the parser's fingerprint (every module it imports, the lock file, V8) and the worker's
// own source, so an edit or an upgrade builds a new one. When it cannot be built, the pool falls
// back to parse-worker.mjs.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, rmSync, utimesSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { log } from "@/lib/log";
import { parserFingerprint, sourceRoot } from "./parser-fingerprint";

const WORKER_SOURCE = "lib/playbooks/parse-worker.ts";
const CACHE_FOLDER = "node_modules/.cache/casebook";

// A bundle no process has started from for a day is removed when a new one is built, so edits to
// the parser do not pile up bundles, and a process still running an older version keeps its own.
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;
const BUNDLE_FILE = /^parse-worker-[0-9a-f]{24}\.mjs(\.[0-9a-f-]+\.partial)?$/;

const REQUIRE_SHIM =
  'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);';

let built: Promise<string | undefined> | undefined;

/** The bundled worker's path, building it once per process if no current bundle exists. */
export function bundledParseWorker(): Promise<string | undefined> {
  const root = sourceRoot();
  built ??= (root ? bundleParseWorker(root, path.join(root, CACHE_FOLDER)) : Promise.resolve(undefined)).catch(
    (error: unknown) => {
      log.warn({ err: error }, "cannot bundle the playbook parse worker; workers load through tsx");
      return undefined;
    },
  );
  return built;
}

/** Builds the bundle into `folder` unless it is there already; undefined when the sources are not on disk. */
export async function bundleParseWorker(root: string, folder: string): Promise<string | undefined> {
  const fingerprint = parserFingerprint(root);
  if (!fingerprint) return undefined;
  const entry = path.join(root, WORKER_SOURCE);
  const name = createHash("sha256").update(fingerprint).update(readFileSync(entry)).digest("hex").slice(0, 24);
  const outfile = path.join(folder, `parse-worker-${name}.mjs`);
  if (existsSync(outfile)) {
    markInUse(outfile);
    return outfile;
  }

  // Loaded here, not at the top: without esbuild the pool still works, through tsx.
  const { build } = await import("esbuild");
  mkdirSync(folder, { recursive: true });
  // Written aside and renamed, so a worker never loads a half-written bundle from another build.
  const partial = `${outfile}.${randomUUID()}.partial`;
  await build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node}`,
    logLevel: "silent",
    plugins: [serverOnlyIsEmpty],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: REQUIRE_SHIM },
    // Modules find files beside them (the shell parser's .wasm through require.resolve) from where
    // their source lives, not from the cache folder.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(entry).href) },
  });
  renameSync(partial, outfile);
  pruneUnused(folder, outfile);
  return outfile;
}

/** Touches the bundle, for pruneUnused(); a folder that cannot be written still serves it. */
function markInUse(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Read-only: nothing here builds or prunes either.
  }
}

function pruneUnused(folder: string, current: string): void {
  const cutoff = Date.now() - UNUSED_FOR_MS;
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (file === current || !BUNDLE_FILE.test(name)) continue;
    if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < cutoff) rmSync(file, { force: true });
  }
}

// `server-only` throws unless resolved as a server bundle resolves it (server/server-only-resolve.mjs).
const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(plugin) {
    plugin.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    plugin.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};
