// Reads every playbook in a folder into a ContentIndex. One broken file never stops the others: it
// lands in `broken` with its errors, and each error is logged as file:line.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { log } from "@/lib/log";
import { formatContentError } from "./content-error";
import { parsePlaybook, type ParseResult } from "./parse-playbook";
import type { ContentIndex } from "./types";

/** The content folder: `CONTENT_DIR`, else `content/` under the working directory. */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}

export interface BuildOptions {
  /** Log each error (default true); the check script prints them itself. */
  logErrors?: boolean;
  /** Parse results by file, reused when a file's bytes are unchanged (the watcher passes one in). */
  cache?: Map<string, { source: Buffer; result: ParseResult }>;
}

// Enough to keep the disk busy without holding a thousand open files.
const CONCURRENCY = 32;

export async function buildContentIndex(dir: string = contentDir(), options: BuildOptions = {}): Promise<ContentIndex> {
  const index: ContentIndex = { playbooks: new Map(), broken: new Map(), builtAt: new Date() };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".mdx")).sort();
  } catch (error) {
    log.error({ err: error, dir }, `content folder ${dir} cannot be read; serving no playbooks`);
    return index;
  }

  const results = new Array<ParseResult>(names.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < names.length; i = next++) {
      results[i] = await parseFile(path.join(dir, names[i] as string), options.cache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));

  names.forEach((name, i) => {
    const result = results[i] as ParseResult;
    const slug = name.slice(0, -".mdx".length);
    if (result.playbook) index.playbooks.set(slug, result.playbook);
    else index.broken.set(slug, result.errors);
    if (options.logErrors !== false) {
      for (const error of result.errors) log.error({ file: error.file, line: error.line }, formatContentError(error));
    }
  });
  if (options.cache) {
    const present = new Set(names.map((name) => path.join(dir, name)));
    for (const key of options.cache.keys()) if (!present.has(key)) options.cache.delete(key);
  }
  index.builtAt = new Date();
  return index;
}

async function parseFile(absolute: string, cache: BuildOptions["cache"]): Promise<ParseResult> {
  const file = displayPath(absolute);
  let source: Buffer;
  let mtime: Date;
  try {
    [source, { mtime }] = await Promise.all([readFile(absolute), stat(absolute)]);
  } catch (error) {
    // The file vanished or became unreadable between listing and reading; report it like any other error.
    return { errors: [{ file, line: 1, message: `cannot read the file: ${messageOf(error)}` }] };
  }
  const cached = cache?.get(absolute);
  if (cached && cached.source.equals(source)) {
    const { playbook } = cached.result;
    return playbook ? { ...cached.result, playbook: { ...playbook, updatedAt: mtime } } : cached.result;
  }
  let result: ParseResult;
  try {
    result = parsePlaybook(file, source, { mtime });
  } catch (error) {
    // A parser bug must cost one playbook, not the site.
    log.error({ err: error, file }, "playbook parser crashed");
    result = { errors: [{ file, line: 1, message: `internal error while parsing: ${messageOf(error)}` }] };
  }
  cache?.set(absolute, { source, result });
  return result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Relative to the project root when inside it (content/foo.mdx), else absolute. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}
