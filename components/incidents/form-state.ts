// The incident form's state: every field as the text the person typed, so a rejected save keeps
// exactly what was on screen. Converted to the API's JSON only when submitting.
import type { IncidentInputRaw } from "@/lib/incidents/schema";

export interface TimelineRow {
  at: string; // yyyy-mm-ddThh:mm, UTC
  kind: string;
  text: string;
  link: string;
}

export interface CauseRow {
  title: string;
  symptom: string;
  cause: string;
  evidence: string;
  fix: string;
  prevention: string;
}

export interface LearningRow {
  kind: string;
  text: string;
  playbookSlug: string;
  stepId: string;
}

export interface ActionRow {
  text: string;
  owner: string;
  done: boolean;
}

export interface IncidentFormState {
  title: string;
  severity: string;
  status: string;
  startedAt: string;
  detectedAt: string;
  resolvedAt: string;
  environment: string;
  symptoms: string[];
  summary: string;
  resolution: string;
  tags: string;
  playbooks: string;
  runs: string;
  timeline: TimelineRow[];
  rootCauses: CauseRow[];
  learnings: LearningRow[];
  actionItems: ActionRow[];
}

/** A stored date as the value of a UTC `datetime-local` input. */
export function toInputDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16);
}

/** A `datetime-local` value (UTC) as ISO 8601; anything else is sent as typed, for the server to judge. */
export function fromInputDate(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}.000Z` : v;
}

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

type Dated = Date | string | null | undefined;
const text = (v: unknown): string => (typeof v === "string" ? v : "");
export interface FormSource {
  title?: string;
  severity?: string;
  status?: string;
  startedAt?: Dated;
  detectedAt?: Dated;
  resolvedAt?: Dated;
  environment?: string;
  symptoms?: string[];
  summary?: string;
  resolution?: string;
  tags?: string[];
  playbooks?: string[];
  runs?: string[];
  timeline?: Array<{ at?: Dated; kind: string; text: string; link?: unknown }>;
  rootCauses?: Array<Partial<CauseRow> & { title: string }>;
  learnings?: Array<{ kind?: string; text: string; playbookSlug?: unknown; stepId?: unknown }>;
  actionItems?: Array<{ text: string; owner?: string; done?: boolean }>;
}

export function formStateFrom(src: FormSource): IncidentFormState {
  return {
    title: src.title ?? "",
    severity: src.severity ?? "SEV3",
    status: src.status ?? "investigating",
    startedAt: toInputDate(src.startedAt),
    detectedAt: toInputDate(src.detectedAt),
    resolvedAt: toInputDate(src.resolvedAt),
    environment: src.environment ?? "",
    symptoms: src.symptoms?.length ? [...src.symptoms] : [""],
    summary: src.summary ?? "",
    resolution: src.resolution ?? "",
    tags: (src.tags ?? []).join(", "),
    playbooks: (src.playbooks ?? []).join(", "),
    runs: (src.runs ?? []).join(", "),
    timeline: (src.timeline ?? []).map((t) => ({ at: toInputDate(t.at), kind: t.kind, text: t.text, link: text(t.link) })),
    rootCauses: (src.rootCauses ?? []).map((c) => ({
      title: c.title,
      symptom: c.symptom ?? "",
      cause: c.cause ?? "",
      evidence: c.evidence ?? "",
      fix: c.fix ?? "",
      prevention: c.prevention ?? "",
    })),
    learnings: (src.learnings ?? []).map((l) => ({ kind: l.kind ?? "insight", text: l.text, playbookSlug: text(l.playbookSlug), stepId: text(l.stepId) })),
    actionItems: (src.actionItems ?? []).map((a) => ({ text: a.text, owner: a.owner ?? "", done: a.done ?? false })),
  };
}

export function emptyCause(): CauseRow {
  return { title: "", symptom: "", cause: "", evidence: "", fix: "", prevention: "" };
}

/** The JSON the API validates, row for row, so an error's path (rootCauses.2.title) names the row on screen. */
export function formStateToInput(s: IncidentFormState): IncidentInputRaw {
  return {
    title: s.title,
    severity: s.severity as IncidentInputRaw["severity"],
    status: s.status as IncidentInputRaw["status"],
    startedAt: fromInputDate(s.startedAt),
    detectedAt: fromInputDate(s.detectedAt),
    resolvedAt: fromInputDate(s.resolvedAt),
    environment: s.environment,
    symptoms: s.symptoms,
    summary: s.summary,
    resolution: s.resolution,
    tags: list(s.tags),
    playbooks: list(s.playbooks),
    runs: list(s.runs),
    timeline: s.timeline.map((t) => ({ at: fromInputDate(t.at) ?? "", kind: t.kind as "note", text: t.text, link: t.link || null })),
    rootCauses: s.rootCauses,
    learnings: s.learnings.map((l) => ({ kind: l.kind as "insight", text: l.text, playbookSlug: l.playbookSlug || null, stepId: l.stepId || null })),
    actionItems: s.actionItems,
  };
}
