// Other kinds of search documents (incidents, issue 4) plug in here. One registry per process
// (lib/process-singleton.ts): the custom server and the Next.js bundle must share one index.
import { forgetProcessSingleton, processSingleton } from "@/lib/process-singleton";
import type { ResultHead, SearchSource } from "./types";
import type { SearchIndex } from "./search-index";

interface SearchState {
  sources: Map<string, SearchSource>;
  /** The index being built or ready; undefined after invalidation. */
  index?: Promise<SearchIndex<ResultHead>>;
  unsubscribe?: () => void;
}

const SINGLETON = "search";

export function searchState(): SearchState {
  return processSingleton<SearchState>(SINGLETON, () => ({ sources: new Map() }));
}

/** Adds (or replaces) a named source of documents; returns a function that removes it. */
export function registerSearchSource(name: string, source: SearchSource): () => void {
  const state = searchState();
  state.sources.set(name, source);
  invalidateSearchIndex();
  return () => {
    if (state.sources.get(name) === source) {
      state.sources.delete(name);
      invalidateSearchIndex();
    }
  };
}

/** Marks the index stale (call after a source's documents change); the next search rebuilds it. */
export function invalidateSearchIndex(): void {
  searchState().index = undefined;
}

/** Unsubscribes from content changes and forgets the index and all sources (tests, shutdown). */
export function closeSearchIndex(): void {
  forgetProcessSingleton<SearchState>(SINGLETON)?.unsubscribe?.();
}
