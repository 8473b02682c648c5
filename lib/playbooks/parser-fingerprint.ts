// A hash of everything that decides what a playbook file parses to: the source of every module the
// content check imports (followed from parse-job.ts, so a new import is covered without a list to
// keep), the installed packages (package-lock.json) and the V8 version (its serialisation format).
// The disk parse cache keys its entries with it: a change to any of these invalidates them all.
import "server-only";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = "lib/playbooks/parse-job.ts";
// `from "./x"`, `from "@/lib/x"`, bare `import "./x"` and `import("./x")`; packages are covered by
// the lock file.
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["']((?:\.{1,2}|@)\/[^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"];

/** The project root this module runs from, when it runs from source (not inside a bundle). */
export function sourceRoot(): string | undefined {
  try {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  } catch {
    return undefined;
  }
}

/** The fingerprint, or undefined when the parser's sources are not on disk (a bundle). */
export function parserFingerprint(root: string | undefined = sourceRoot()): string | undefined {
  if (!root) return undefined;
  const hash = createHash("sha256").update(`v8 ${process.versions.v8}\n`);
  try {
    for (const file of importClosure(root, path.join(root, ENTRY))) {
      hash.update(`${path.relative(root, file)}\n`).update(readFileSync(file));
    }
    hash.update(readFileSync(path.join(root, "package-lock.json")));
  } catch {
    return undefined;
  }
  return hash.digest("hex");
}

/** The entry and every project module it imports, directly or not, in a stable order. */
export function importClosure(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, specifier] of source.matchAll(IMPORT)) {
      const base = specifier!.startsWith("@/")
        ? path.join(root, specifier!.slice(2))
        : path.resolve(path.dirname(file), specifier!);
      const resolved = resolveModule(base);
      if (!resolved) throw new Error(`${path.relative(root, file)}: cannot resolve ${specifier}`);
      visit(resolved);
    }
  };
  visit(entry);
  return [...seen].sort();
}

function resolveModule(base: string): string | undefined {
  return EXTENSIONS.map((extension) => base + extension).find((file) =>
    statSync(file, { throwIfNoEntry: false })?.isFile(),
  );
}
