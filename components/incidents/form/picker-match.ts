// Which choices a picker offers for what has been typed. Every word typed must appear somewhere in
// the choice (its label, hint or keywords), in any order, so "ray orb" finds "Ray cluster in an
// OrbStack VM" and "vm-ray-1 dec 1" finds that host's run of that day.

export interface PickerOption {
  value: string;
  label: string;
  /** A second line: the slug, a short run id. */
  hint?: string;
  /** More text to match on, not shown. */
  keywords?: string;
}

const haystack = (o: PickerOption) => `${o.label} ${o.hint ?? ""} ${o.keywords ?? ""} ${o.value}`.toLowerCase();

/** The options matching `query`, not already chosen; those whose label starts with it first. */
export function matchOptions(
  options: readonly PickerOption[],
  query: string,
  chosen: readonly string[] = [],
  limit = 50,
): PickerOption[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const found = options.filter((o) => !chosen.includes(o.value) && words.every((w) => haystack(o).includes(w)));
  const starts = (o: PickerOption) => (q && o.label.toLowerCase().startsWith(q) ? 0 : 1);
  return found.sort((a, b) => starts(a) - starts(b)).slice(0, limit);
}
