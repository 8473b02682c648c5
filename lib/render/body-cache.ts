// Compiled playbook bodies, cached by content hash so a page view costs a function call, not an
// MDX compile and a shiki pass. One per process (lib/process-singleton.ts), so the custom server and
// the Next bundle share it, and bounded so edits in development cannot grow it without limit.
import type { Playbook } from "@/lib/playbooks/types";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { compileBody, type CompiledBody } from "./compile-body";

const MAX_ENTRIES = 2048;

const cache = processSingleton("bodyCache", () => new Map<string, Promise<CompiledBody>>());

export type CachedPlaybook = Pick<Playbook, "slug" | "file" | "body" | "bodyLine" | "sections" | "contentHash">;

export function getCompiledBody(playbook: CachedPlaybook): Promise<CompiledBody> {
  const key = `${playbook.slug}@${playbook.contentHash}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so the first key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileBody(playbook).then((result) => {
    if (!result.ok) log.warn({ ...result.error }, "playbook body failed to compile");
    return result;
  });
  cache.set(key, compiled);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return compiled;
}
