// Dates and times as readers see them. Fixed locales and UTC, so the server and the browser print
// the same text, everyone on a call reads the same time, and tests are stable.
const DAY_MS = 24 * 60 * 60 * 1000;

const absolute = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** "Nov 22, 2025". */
export function formatDate(date: Date): string {
  return absolute.format(date);
}

/** "today", "yesterday", "5 days ago" by calendar day, then the date. */
export function formatRecency(date: Date, now: Date = new Date()): string {
  const startOfDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const days = Math.floor((startOfDay(now) - startOfDay(date)) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 30) return `${days} days ago`;
  return formatDate(date);
}

/** "4 Mar 2025, 05:06:07 UTC". */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "2 days ago". */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return "—";
  if (ms < 60_000) return "just now";
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < DAY_MS) return `${Math.floor(ms / 3_600_000)} h ago`;
  const days = Math.floor(ms / DAY_MS);
  return days === 1 ? "yesterday" : `${days} days ago`;
}

/** "2025-03-04". */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2025-03-04 05:06 UTC". */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
