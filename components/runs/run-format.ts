// Words and numbers for run and step states, shared by the live panel and the recorded pages.
import type { RunStatus, StepRunView, Verdict } from "@/lib/runs/protocol";

export const VERDICT_LABELS: Record<Verdict, string> = {
  running: "Running",
  passed: "Passed",
  failed: "Failed",
  error: "Error",
  cancelled: "Cancelled",
  "timed-out": "Timed out",
  interrupted: "Interrupted",
  refused: "Refused",
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  active: "Active",
  finished: "Finished",
  interrupted: "Interrupted",
};

/** "850 ms", "4.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** A stopwatch: "0:07", "12:40", "1:02:03". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

export function stepDuration(step: Pick<StepRunView, "startedAt" | "endedAt">): number | null {
  if (!step.endedAt) return null;
  return Date.parse(step.endedAt) - Date.parse(step.startedAt);
}

/** "exit 0", "exit 127", "SIGKILL", or null while running / when the step never started. */
export function describeExit(step: Pick<StepRunView, "exitCode" | "signal">): string | null {
  if (step.signal) return step.signal;
  if (step.exitCode !== null) return `exit ${step.exitCode}`;
  return null;
}

/** "1.5 KB", "12 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Server-rendered times are UTC, so server and browser print the same text. */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return "—";
  if (ms < 60_000) return "just now";
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  const days = Math.floor(ms / 86_400_000);
  return days === 1 ? "yesterday" : `${days} days ago`;
}
