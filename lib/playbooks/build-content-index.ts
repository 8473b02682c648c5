// Reads every playbook in a folder into a ContentIndex. One broken file never stops the others: it
// lands in `broken` with its errors, and each error is logged as file:line.
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { log } from "@/lib/log";
import { formatContentError } from "./content-error";
import type { DiskParseCache } from "./disk-parse-cache";
import type { ParseJob } from "./parse-job";
import type { ParseResult } from "./parse-playbook";
import { FILES_AT_ONCE, mapConcurrently } from "./map-concurrently";
import { parseJobs } from "./parse-pool";
import { readWholeFile } from "./read-whole-file";
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
  /** Parse results kept between starts (getContentIndex opens one); checked after `cache`. */
  disk?: DiskParseCache;
  /** Worker threads to parse with; by default as many as the cores allow for large folders. */
  workers?: number;
}

export async function buildContentIndex(dir: string = contentDir(), options: BuildOptions = {}): Promise<ContentIndex> {
  const index: ContentIndex = { playbooks: new Map(), broken: new Map(), builtAt: new Date() };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".mdx")).sort();
  } catch (error) {
    log.error({ dir, reason: messageOf(error) }, `content folder ${dir} cannot be read; serving no playbooks`);
    return index;
  }

  const files = await mapConcurrently(names, FILES_AT_ONCE, (name) => readContentFile(path.join(dir, name)));
  const results = new Array<ParseResult>(files.length);
  const keys = new Set<string>();
  const misses: { at: number; file: ReadFile; key?: string }[] = [];
  await mapConcurrently(files, FILES_AT_ONCE, async (file, at) => {
    if ("error" in file) {
      results[at] = { errors: [{ file: file.display, line: 1, message: `cannot read the file: ${file.error}` }] };
      return;
    }
    const key = options.disk?.keyOf(file.display, file.source);
    if (key) keys.add(key);
    const cached = options.cache?.get(file.absolute);
    const known = cached?.source.equals(file.source) ? cached.result : key && (await options.disk?.read(key));
    if (!known) {
      misses.push({ at, file, key });
      return;
    }
    results[at] = withMtime(known, file.mtime);
    if (known !== cached?.result) options.cache?.set(file.absolute, { source: file.source, result: known });
  });
  const { results: parsed } = await parseJobs(
    misses.map(({ file }): ParseJob => ({ file: file.display, source: file.source, mtime: file.mtime })),
    { workers: options.workers },
  );
  const stored: { key: string; result: ParseResult }[] = [];
  misses.forEach(({ at, file, key }, i) => {
    const result = parsed[i] as ParseResult;
    results[at] = result;
    options.cache?.set(file.absolute, { source: file.source, result });
    if (key) stored.push({ key, result });
  });
  options.disk?.update(stored, keys);

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

type ReadFile = { absolute: string; display: string; source: Buffer; mtime: Date };
type ContentFile = ReadFile | { absolute: string; display: string; error: string };

async function readContentFile(absolute: string): Promise<ContentFile> {
  const display = displayPath(absolute);
  try {
    const [source, info] = await Promise.all([readWholeFile(absolute), stat(absolute)]);
    return { absolute, display, source, mtime: info.mtime };
  } catch (error) {
    // The file vanished or became unreadable between listing and reading.
    return { absolute, display, error: messageOf(error) };
  }
}

/** A stored result with the file's current mtime: a touched file keeps its result, not its date. */
function withMtime(result: ParseResult, mtime: Date): ParseResult {
  return result.playbook ? { ...result, playbook: { ...result.playbook, updatedAt: mtime } } : result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Relative to the project root when inside it (content/foo.mdx), else absolute. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}
