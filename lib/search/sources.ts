// Other kinds of search documents (incidents, issue 4) plug in here. The registry lives on
// globalThis because the custom server and the Next.js bundle load separate copies of this module
// in one process and must share one index.
import type { ResultHead, SearchSource } from "./types";
import type { SearchIndex } from "./search-index";

interface SearchState {
  sources: Map<string, SearchSource>;
  /** The index being built or ready; undefined after invalidation. */
  index?: Promise<SearchIndex<ResultHead>>;
  unsubscribe?: () => void;
}

const holder = globalThis as typeof globalThis & { __casebookSearch?: SearchState };

export function searchState(): SearchState {
  holder.__casebookSearch ??= { sources: new Map() };
  return holder.__casebookSearch;
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
  const state = holder.__casebookSearch;
  if (!state) return;
  state.unsubscribe?.();
  delete holder.__casebookSearch;
}
