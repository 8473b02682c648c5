// Incident → Markdown write-up in the shape of the session-learnings documents (see format.ts).
// importIncidentMarkdown reads it back to the same incident.
import { CAUSE_FIELDS } from "../fields";
import { FIELD_LABELS } from "../labels";
import type { LearningInput } from "../schema";
import type { ExportableIncident } from "../types";
import {
  AUTHORS,
  CAUSE_LABEL,
  DATE_LABEL,
  EMPTY,
  HEADER_LINES,
  MARKER,
  SECTIONS,
  sectionTitle,
  structuralIn,
  type FieldContext,
  type HeaderLine,
  type Section,
} from "./format";
import { closeOpenFence, escapeStructure, fenceFor, indent } from "./lines";

/** Field text made safe to place in the write-up. */
function body(text: string, context: FieldContext = "prose"): string {
  return escapeStructure(closeOpenFence(text), structuralIn(context));
}

function orEmpty(text: string): string {
  return text === "" ? EMPTY : body(text);
}

function header(label: string, value: string): string {
  return `**${label}**: ${value}`;
}

export function exportIncidentMarkdown(incident: ExportableIncident): string {
  const out: string[] = [`# ${incident.title}`, "", MARKER, ""];
  const head = headerLines(incident);
  // Two trailing spaces: a Markdown line break, so the header renders as lines, not one paragraph.
  out.push(head.map((l, i) => (i < head.length - 1 ? `${l}  ` : l)).join("\n"), "");
  for (const section of SECTIONS) out.push(`## ${sectionTitle(section)}`, "", ...sectionBody(incident, section));
  return `${out.join("\n").trimEnd()}\n`;
}

function headerLines(incident: ExportableIncident): string[] {
  const head: string[] = [];
  if (incident.startedAt) head.push(header(DATE_LABEL, incident.startedAt.toISOString().slice(0, 10)));
  for (const line of HEADER_LINES) {
    const value = headerValue(incident, line);
    if (value) head.push(header(FIELD_LABELS[line.field].markdown, value));
  }
  if (incident.authors?.length) head.push(header(AUTHORS, incident.authors.join(", ")));
  return head;
}

function headerValue(incident: ExportableIncident, line: HeaderLine): string {
  switch (line.kind) {
    case "text":
      return incident[line.field];
    case "date":
      return incident[line.field]?.toISOString() ?? "";
    case "list":
      return incident[line.field].join(", ");
  }
}

/** The lines under a section's heading. */
function sectionBody(incident: ExportableIncident, section: Section): string[] {
  switch (section.field) {
    case "symptoms":
      return symptoms(incident.symptoms);
    case "timeline":
      return timeline(incident.timeline);
    case "rootCauses":
      return rootCauses(incident.rootCauses);
    case "actionItems":
      return actionItems(incident.actionItems);
    case "learnings":
      return learnings(incident.learnings.filter((l) => l.kind === section.kind));
    default:
      return [orEmpty(incident[section.field]), ""];
  }
}

function symptoms(items: ExportableIncident["symptoms"]): string[] {
  if (items.length === 0) return [EMPTY, ""];
  return items.flatMap((symptom) => {
    const fence = fenceFor(symptom);
    return [`${fence}text`, symptom, fence, ""];
  });
}

function timeline(entries: ExportableIncident["timeline"]): string[] {
  if (entries.length === 0) return [EMPTY, ""];
  return entries.flatMap((entry) => {
    const link = entry.link ? ` · [link](<${entry.link}>)` : "";
    return [`- \`${entry.at.toISOString()}\` **${entry.kind}**${link}`, "", indent(body(entry.text), "  "), ""];
  });
}

function rootCauses(causes: ExportableIncident["rootCauses"]): string[] {
  if (causes.length === 0) return [EMPTY, ""];
  const out: string[] = [];
  causes.forEach((cause, i) => {
    out.push(`### ${i + 1}. ${cause.title}`, "");
    for (const field of CAUSE_FIELDS) {
      const text = cause[field];
      if (!text) continue;
      const label = `**${CAUSE_LABEL[field]}**:`;
      // Short fields sit on the label's line, as in the write-ups; anything longer goes below it.
      if (!text.includes("\n") && !/^ {0,3}(```|~~~)/.test(text)) out.push(`${label} ${body(text, "cause")}`, "");
      else out.push(label, "", body(text, "cause"), "");
    }
  });
  return out;
}

function actionItems(items: ExportableIncident["actionItems"]): string[] {
  if (items.length === 0) return [EMPTY, ""];
  const out = items.map((item) => {
    const ownerNeeded = item.owner !== "" || / _\(owner: [^)]*\)_$/.test(item.text);
    return `- [${item.done ? "x" : " "}] ${item.text}${ownerNeeded ? ` _(owner: ${item.owner})_` : ""}`;
  });
  return [...out, ""];
}

function learnings(items: LearningInput[]): string[] {
  if (items.length === 0) return [EMPTY, ""];
  const out: string[] = [];
  items.forEach((learning, i) => {
    const split = learning.text.indexOf("\n\n");
    const first = split === -1 ? learning.text : learning.text.slice(0, split);
    const rest = split === -1 ? "" : learning.text.slice(split + 2);
    // The first short line becomes the heading, as the write-ups title each insight; otherwise the
    // heading stays bare and the whole text goes below, so the text always comes back unchanged.
    const titled = !first.includes("\n") && first.length <= 200 && !rest.startsWith("\n");
    out.push(titled ? `### ${i + 1}. ${first}` : `### ${i + 1}.`, "");
    const text = titled ? rest : learning.text;
    if (text) out.push(body(text, "learning"), "");
    if (learning.playbookSlug) {
      const slug = learning.playbookSlug;
      const step = learning.stepId ? ` · step [${learning.stepId}](/playbooks/${slug}#step-${learning.stepId})` : "";
      out.push(`→ Playbook: [${slug}](/playbooks/${slug})${step}`, "");
    }
  });
  return out;
}
