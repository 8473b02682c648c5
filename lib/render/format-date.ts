// Dates as readers see them. Fixed locale and UTC so server output is stable and testable.
const DAY_MS = 24 * 60 * 60 * 1000;

const absolute = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 22, 2025". */
export function formatDate(date: Date): string {
  return absolute.format(date);
}

/** "today", "yesterday", "5 days ago", then the date. */
export function formatRecency(date: Date, now: Date = new Date()): string {
  const days = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 30) return `${days} days ago`;
  return formatDate(date);
}
