// Fills a route's or page's dynamic segments with values the test seeded, by the folder before
// each segment: `/incidents/[id]/edit` takes the seeded incident's id. Shared by the matrix tests
// and the e2e spec, so it imports nothing.

/** Seeded values by the folder a segment follows (`incidents` → an incident id). */
export type SegmentValues = Record<string, string>;

export interface FilledPath {
  path: string;
  /** As Next passes them to a route handler: `{ id: "…" }`. */
  params: Record<string, string>;
}

export function fillSegments(pattern: string, values: SegmentValues): FilledPath {
  const params: Record<string, string> = {};
  const parts = pattern.split("/").map((part, i, all) => {
    const name = /^\[(\w+)\]$/.exec(part)?.[1];
    if (!name) return part;
    const folder = all[i - 1] ?? "";
    const value = values[folder];
    if (value === undefined)
      throw new Error(`no seeded value for ${part} after "${folder}" in ${pattern}: add "${folder}" to the values`);
    params[name] = value;
    return encodeURIComponent(value);
  });
  return { path: parts.join("/"), params };
}
