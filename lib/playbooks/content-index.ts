// The process-wide content index: built once, lazily, rebuilt when content/ changes in development
// (or with CASEBOOK_WATCH=1), and rebuilt on demand when Casebook itself writes into content/
// (publishing a reviewed draft). One per process (lib/process-singleton.ts): the custom server and
// the Next.js bundle must share it.
import "server-only";
import { watch, type FSWatcher } from "node:fs";
import { log } from "@/lib/log";
import { forgetProcessSingleton, processSingleton } from "@/lib/process-singleton";
import { buildContentIndex, contentDir, type BuildOptions } from "./build-content-index";
import { openDiskParseCache } from "./disk-parse-cache";
import type { ContentIndex, Playbook } from "./types";

export { buildContentIndex, contentDir } from "./build-content-index";

type Listener = (index: ContentIndex) => void;

interface ContentIndexState {
  dir: string;
  current?: Promise<ContentIndex>;
  listeners: Set<Listener>;
  watcher?: FSWatcher;
  debounce?: NodeJS.Timeout;
  /** The rebuild in progress, if any. */
  rebuilding?: Promise<ContentIndex>;
  /** The rebuild queued behind it, shared by every caller that arrives meanwhile. */
  queued?: Promise<ContentIndex>;
  cache: NonNullable<BuildOptions["cache"]>;
  disk?: BuildOptions["disk"];
}

const SINGLETON = "contentIndex";
const DEBOUNCE_MS = 100;

function state(): ContentIndexState {
  return processSingleton<ContentIndexState>(SINGLETON, () => {
    const dir = contentDir();
    return { dir, listeners: new Set(), cache: new Map(), disk: openDiskCache(dir) };
  });
}

function openDiskCache(dir: string): BuildOptions["disk"] {
  try {
    return openDiskParseCache(dir);
  } catch (error) {
    // A bad auth secret is reported where sign-in needs it; the index only loses its speed-up.
    log.warn({ err: error }, "content parse cache is off");
    return undefined;
  }
}

export function getContentIndex(): Promise<ContentIndex> {
  const s = state();
  if (!s.current) {
    s.current = buildContentIndex(s.dir, { cache: s.cache, disk: s.disk });
    if (shouldWatch()) startWatching(s);
  }
  return s.current;
}

export async function getPlaybook(slug: string): Promise<Playbook | undefined> {
  return (await getContentIndex()).playbooks.get(slug);
}

/** Calls `listener` with each rebuilt index; returns the function that unsubscribes it. */
export function onContentIndexChange(listener: Listener): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => {
    s.listeners.delete(listener);
  };
}

/**
 * Rebuilds now and resolves with an index that reflects every change to content/ made before the
 * call, after the listeners (search) have heard of it: the caller that just wrote a playbook can
 * redirect to its page. Without a watcher, this is how a write becomes visible before a restart.
 */
export function reloadContentIndex(): Promise<ContentIndex> {
  const s = state();
  // Never built yet: the first build reads the folder as it is now (and starts the watcher).
  return s.current ? rebuild(s) : getContentIndex();
}

/** Stops watching and forgets the index, so the next call builds afresh (tests, shutdown). */
export function closeContentIndex(): void {
  const s = forgetProcessSingleton<ContentIndexState>(SINGLETON);
  if (!s) return;
  s.watcher?.close();
  clearTimeout(s.debounce);
}

function shouldWatch(): boolean {
  return process.env.NODE_ENV === "development" || process.env.CASEBOOK_WATCH === "1";
}

function startWatching(s: ContentIndexState): void {
  try {
    s.watcher = watch(s.dir, { persistent: false }, (_event, name) => {
      if (name && !name.toString().endsWith(".mdx")) return;
      clearTimeout(s.debounce);
      s.debounce = setTimeout(
        () => rebuild(s).catch((err: unknown) => log.error({ err }, "content rebuild failed")),
        DEBOUNCE_MS,
      );
    });
    s.watcher.on("error", (error) => log.warn({ err: error, dir: s.dir }, "content watcher stopped"));
    log.info({ dir: s.dir }, "watching content for changes");
  } catch (error) {
    log.warn({ err: error, dir: s.dir }, "cannot watch the content folder; edits need a restart");
  }
}

/**
 * One rebuild at a time. A call during a rebuild queues one more, because the running one may have
 * listed the folder before the caller's change; calls that arrive meanwhile share that one.
 */
function rebuild(s: ContentIndexState): Promise<ContentIndex> {
  if (s.rebuilding) {
    s.queued ??= s.rebuilding
      .catch(() => undefined)
      .then(() => {
        s.queued = undefined;
        return rebuild(s);
      });
    return s.queued;
  }
  const running = rebuildOnce(s);
  s.rebuilding = running;
  const settle = () => {
    if (s.rebuilding === running) s.rebuilding = undefined;
  };
  running.then(settle, settle);
  return running;
}

async function rebuildOnce(s: ContentIndexState): Promise<ContentIndex> {
  const index = await buildContentIndex(s.dir, { cache: s.cache, disk: s.disk });
  s.current = Promise.resolve(index);
  log.info({ playbooks: index.playbooks.size, broken: index.broken.size }, "content index rebuilt");
  for (const listener of s.listeners) {
    try {
      listener(index);
    } catch (error) {
      log.error({ err: error }, "content index listener failed");
    }
  }
  return index;
}
