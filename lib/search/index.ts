// Process-wide search over playbooks and every registered source, rebuilt when content changes.
import { log } from "@/lib/log";
import { getContentIndex, onContentIndexChange } from "@/lib/playbooks/content-index";
import { playbookDocument } from "./playbook-documents";
import { createSearchIndex, type SearchIndex } from "./search-index";
import { invalidateSearchIndex, searchState } from "./sources";
import type { PlaybookSearchResult, ResultHead, SearchDoc, SearchHit, SearchOptions } from "./types";

export { buildSearchIndex, createSearchIndex, MAX_QUERY_CHARS, type SearchIndex } from "./search-index";
export { closeSearchIndex, invalidateSearchIndex, registerSearchSource } from "./sources";
export type {
  PlaybookHead,
  PlaybookMatchPart,
  PlaybookSearchResult,
  ResultHead,
  SearchDoc,
  SearchHit,
  SearchMatch,
  SearchOptions,
  SearchPart,
  SearchSource,
} from "./types";

async function buildIndex(): Promise<SearchIndex<ResultHead>> {
  const started = performance.now();
  const content = await getContentIndex();
  const docs: SearchDoc[] = [...content.playbooks.values()].map(playbookDocument);
  const state = searchState();
  for (const [name, source] of state.sources) {
    try {
      docs.push(...(await source.documents()));
    } catch (err) {
      // One failing source must not take playbook search down with it.
      log.error({ err, source: name }, "search source failed; indexing without it");
    }
  }
  const index = createSearchIndex(docs);
  log.info({ documents: docs.length, ms: Math.round(performance.now() - started) }, "search index built");
  return index;
}

function currentIndex(): Promise<SearchIndex<ResultHead>> {
  const state = searchState();
  state.unsubscribe ??= onContentIndexChange(() => {
    invalidateSearchIndex();
    // Rebuild now so the next reader does not wait for it.
    currentIndex().catch((err: unknown) => log.error({ err }, "search index rebuild failed"));
  });
  if (!state.index) {
    const building = buildIndex();
    state.index = building;
    // A failed build is not cached: the next search tries again.
    building.catch(() => {
      if (state.index === building) state.index = undefined;
    });
  }
  return state.index;
}

/** Results of every kind (playbooks, and incidents once that source is registered), best first. */
export async function search(query: string, opts?: SearchOptions): Promise<SearchHit[]> {
  return (await currentIndex()).search(query, opts);
}

export function isPlaybookResult(r: SearchHit): r is PlaybookSearchResult {
  return r.kind === "playbook";
}

export async function searchPlaybooks(query: string, opts?: SearchOptions): Promise<PlaybookSearchResult[]> {
  const results = (await currentIndex()).search(query, { ...opts, kinds: ["playbook"] });
  return results.filter(isPlaybookResult);
}
