import { MAX_TIMEOUT_SECONDS } from "./format";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** Seconds from `30`, `"30"`, `"30s"`, `"5m"` or `"1h"`; a message when the value is not one of those. */
export function parseTimeout(value: unknown): { seconds: number } | { error: string } {
  let seconds: number | undefined;
  if (typeof value === "number") seconds = value;
  if (typeof value === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$/.exec(value);
    if (match) seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || "s"] ?? 1);
  }
  if (seconds === undefined || !Number.isFinite(seconds)) {
    return {
      error: `timeout must be a number of seconds or a duration like "30s", "5m" or "1h", got ${JSON.stringify(value)}`,
    };
  }
  if (seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    return {
      error: `timeout must be more than 0 and at most ${MAX_TIMEOUT_SECONDS / 3600}h, got ${JSON.stringify(value)}`,
    };
  }
  return { seconds };
}
