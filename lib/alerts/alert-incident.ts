// What an alert says, as an incident: a new one's fields, and the timeline entry each later post
// of the same alert adds. Pure, so the wording is tested without a database.
import type { IncidentInput, Severity } from "@/lib/incidents/schema";
import { LIMITS } from "@/lib/incidents/schema";
import { entryText } from "./amend-text";
import type { Alert } from "./payloads";

/** Severity labels as monitoring rules spell them; anything else is SEV3. */
const SEVERITY_WORDS: Record<string, Severity> = {
  critical: "SEV1",
  sev1: "SEV1",
  p1: "SEV1",
  page: "SEV1",
  high: "SEV2",
  error: "SEV2",
  major: "SEV2",
  sev2: "SEV2",
  p2: "SEV2",
  warning: "SEV3",
  sev3: "SEV3",
  p3: "SEV3",
  info: "SEV4",
  low: "SEV4",
  sev4: "SEV4",
  p4: "SEV4",
};

export function severityOf(alert: Alert): Severity {
  const word = (alert.labels.severity ?? alert.labels.priority ?? alert.labels.urgency ?? "").toLowerCase();
  return SEVERITY_WORDS[word] ?? "SEV3";
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

/** The labels as `key=value` pairs, in a stable order. */
export function labelLine(alert: Alert): string {
  return Object.keys(alert.labels)
    .sort()
    .map((k) => `${k}=${alert.labels[k]}`)
    .join(" ");
}

/** The alert's own words, verbatim: name, annotations, labels. */
export function symptomsOf(alert: Alert): string[] {
  const annotations = Object.entries(alert.annotations)
    .filter(([k]) => k !== "runbook_url" && k !== "runbook")
    .map(([, v]) => v);
  const labels = labelLine(alert);
  return [alert.name, ...annotations, ...(labels ? [labels] : [])].map((s) => cut(s.trim(), LIMITS.symptom));
}

export function alertEntry(
  alert: Alert,
  sourceName: string,
  at: Date,
  again: boolean,
): IncidentInput["timeline"][number] {
  const what = alert.status === "resolved" ? "resolved" : again ? "fired again" : "fired";
  const summary = alert.annotations.summary ?? alert.annotations.description;
  const labels = labelLine(alert);
  const text = [`Alert **${alert.name}** ${what} (from ${sourceName}).`, summary, labels && `Labels: \`${labels}\``]
    .filter(Boolean)
    .join("\n\n");
  return { at, kind: "note", text: entryText(text), link: alert.link };
}

export function newIncidentInput(alert: Alert, sourceName: string, playbooks: string[], now: Date): IncidentInput {
  const summary = alert.annotations.summary ?? alert.annotations.description ?? "";
  const full = summary && summary !== alert.name ? `${alert.name}: ${summary}` : alert.name;
  const title = cut(full.replace(/[\r\n]+/g, " "), LIMITS.title);
  return {
    title,
    severity: severityOf(alert),
    status: "investigating",
    startedAt: alert.startsAt,
    detectedAt: now,
    resolvedAt: null,
    environment: cut(alert.labels.environment ?? alert.labels.env ?? "", LIMITS.line),
    symptoms: symptomsOf(alert).slice(0, LIMITS.symptoms),
    summary: alert.annotations.description ?? "",
    resolution: "",
    tags: ["alert"],
    timeline: [alertEntry(alert, sourceName, now, false)],
    rootCauses: [],
    learnings: [],
    actionItems: [],
    playbooks: playbooks.slice(0, LIMITS.playbooks),
    runs: [],
  };
}

/** A later post: an entry, symptoms not yet recorded, and back to investigating if it fires again. */
export function amendedInput(input: IncidentInput, alert: Alert, sourceName: string, now: Date): IncidentInput {
  const symptoms = [...new Set([...input.symptoms, ...symptomsOf(alert)])].slice(0, LIMITS.symptoms);
  const timeline = [...input.timeline, alertEntry(alert, sourceName, now, true)].slice(-LIMITS.timeline);
  const status = alert.status === "firing" ? "investigating" : input.status;
  return { ...input, symptoms, timeline, status, resolvedAt: status === "investigating" ? null : input.resolvedAt };
}
