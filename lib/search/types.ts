// The shapes search hands out. Playbooks are built in; other kinds of result (incidents, issue 4)
// come from registered sources and share the same match shape, so a results page can render any.

/** Which part of a result the best match came from, and where to jump to see it. */
export interface SearchMatch<P extends string = string> {
  part: P;
  /** Human name of the part, e.g. `Step "Is podman on the PATH?"` or a section title. */
  label: string;
  /** Deep link to the part, e.g. `/playbooks/<slug>#step-<id>`. */
  href: string;
  /** About 160 characters of the part around the match, whitespace collapsed. */
  snippet: string;
  /** Half-open [start, end) character ranges in `snippet` to emphasise, sorted, not overlapping. */
  highlights: Array<[number, number]>;
}

export type PlaybookMatchPart = "symptom" | "step" | "section" | "summary" | "title";

export interface PlaybookHead {
  kind: "playbook";
  slug: string;
  title: string;
  summary: string;
  tags: string[];
}

export interface PlaybookSearchResult extends PlaybookHead {
  score: number;
  match: SearchMatch<PlaybookMatchPart>;
}

/** What a result says about the thing it found, before search adds `score` and `match`. */
export interface ResultHead {
  kind: string;
}

/** A result of any kind: the source's head plus score and best match. */
export type SearchHit<H extends ResultHead = ResultHead, P extends string = string> = H & {
  score: number;
  match: SearchMatch<P>;
};

/** One searchable part of a document: a symptom line, a step, a section, the title block. */
export interface SearchPart<P extends string = string> {
  part: P;
  label: string;
  href: string;
  /** Text fields, weighted symptom > title > code > text. Missing fields are not indexed. */
  title?: string;
  symptom?: string;
  code?: string;
  text?: string;
  tags?: string[];
  /** Text of other parts that deep-link here, e.g. the symptom lines a step diagnoses. Scored with
   *  this part as symptom text, so a loose match on a symptom still lands on its step rather than
   *  on a fix that shares more words; not folded into the document again (the symptom part is). */
  leadsHere?: string[];
  /** How good a place to land this part is when it matches, 0..1 (default 1). */
  landing?: number;
  /** Shown as the snippet when only the title or tags matched; not indexed. */
  context?: string;
}

/** One thing a result is about (a playbook, an incident) and its searchable parts. */
export interface SearchDoc<H extends ResultHead = ResultHead, P extends string = string> {
  /** Unique across all sources, e.g. `playbook:<slug>` or `incident:<id>`. */
  key: string;
  /** The document's own title, weighted above the headings of its parts. */
  title: string;
  head: H;
  /** For the `tag` filter. */
  tags: string[];
  parts: Array<SearchPart<P>>;
}

export interface SearchOptions {
  /** Maximum number of results; default 10. */
  limit?: number;
  /** Only documents carrying this tag (case-insensitive). */
  tag?: string;
}

/** A provider of documents for the shared index, e.g. incidents. */
export interface SearchSource {
  documents(): Promise<SearchDoc[]>;
}
