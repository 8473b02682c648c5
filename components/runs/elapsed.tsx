"use client";
// A stopwatch from `since`, ticking once a second.
import { formatElapsed } from "@/lib/format/durations";
import { useNow } from "./use-now";

export function Elapsed({ since }: { since: string }) {
  const now = useNow();
  // The server renders no time: its clock and the browser's differ.
  return <time className="elapsed">{now === null ? "0:00" : formatElapsed(now - Date.parse(since))}</time>;
}
