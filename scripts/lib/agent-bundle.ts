// `npm start`'s local agent runs as an installed one does, plain node on the agent's bundle
// (agent/scripts/bundle.mjs), rather than through tsx: no esbuild beside it, no TypeScript compiled
// at each start, and about half the memory. The bundle is remade when agent/ changed since.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { newestMtime } from "./build-freshness";

const SOURCES = ["agent/src", "agent/scripts/bundle.mjs", "agent/package.json", "package-lock.json"];

/** The bundle's entry file, made now if missing or stale; null when it cannot be made. */
export function localAgentBundle(root: string): string | null {
  const dir = path.join(root, "agent/dist/local");
  // In bin/ beside ../package.json, where the agent reads its version (agent/src/system.ts).
  const entry = path.join(dir, "bin/casebook-agent.mjs");
  const builtAt = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  if (SOURCES.every((s) => newestMtime(path.join(root, s)) <= builtAt)) return entry;
  const made = spawnSync(process.execPath, [path.join(root, "agent/scripts/bundle.mjs"), entry], { encoding: "utf8" });
  if (made.status !== 0) {
    console.error(`Could not bundle the agent; the local agent runs through tsx.\n${made.stderr}`);
    return null;
  }
  fs.copyFileSync(path.join(root, "agent/package.json"), path.join(dir, "package.json"));
  return entry;
}
