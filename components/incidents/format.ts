// Dates on incident pages: UTC, so everyone on a call reads the same time.
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
