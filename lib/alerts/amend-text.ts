// Timeline text within the incident schema's limits. Pure, shared by intake and triage.
import { LIMITS, type IncidentInput } from "@/lib/incidents/schema";

type Entry = IncidentInput["timeline"][number];

/** Adds timeline entries, dropping the oldest past the schema's limit rather than failing. */
export function withEntries(input: IncidentInput, entries: Entry[]): IncidentInput {
  const timeline = [...input.timeline, ...entries].slice(-LIMITS.timeline);
  return { ...input, timeline };
}

/** Text cut to what a timeline entry holds. */
export function entryText(text: string): string {
  return text.length > LIMITS.timelineText ? text.slice(0, LIMITS.timelineText - 1) + "…" : text;
}
