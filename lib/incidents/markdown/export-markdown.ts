// Incident → Markdown write-up in the shape of the session-learnings documents (see format.ts).
// importIncidentMarkdown reads it back to the same incident.
import type { LearningInput } from "../schema";
import type { ExportableIncident } from "../types";
import { CAUSE_FIELDS, CAUSE_LABEL, EMPTY, HEADER, MARKER, SECTION, structuralIn, type FieldContext } from "./format";
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

  const head: string[] = [];
  if (incident.startedAt) head.push(header(HEADER.date, incident.startedAt.toISOString().slice(0, 10)));
  head.push(header(HEADER.severity, incident.severity), header(HEADER.status, incident.status));
  if (incident.startedAt) head.push(header(HEADER.started, incident.startedAt.toISOString()));
  if (incident.detectedAt) head.push(header(HEADER.detected, incident.detectedAt.toISOString()));
  if (incident.resolvedAt) head.push(header(HEADER.resolved, incident.resolvedAt.toISOString()));
  if (incident.environment) head.push(header(HEADER.environment, incident.environment));
  if (incident.tags.length) head.push(header(HEADER.tags, incident.tags.join(", ")));
  if (incident.playbooks.length) head.push(header(HEADER.playbooks, incident.playbooks.join(", ")));
  if (incident.runs.length) head.push(header(HEADER.runs, incident.runs.join(", ")));
  if (incident.authors?.length) head.push(header(HEADER.authors, incident.authors.join(", ")));
  // Two trailing spaces: a Markdown line break, so the header renders as lines, not one paragraph.
  out.push(head.map((l, i) => (i < head.length - 1 ? `${l}  ` : l)).join("\n"), "");

  out.push(`## ${SECTION.summary}`, "", orEmpty(incident.summary), "");

  out.push(`## ${SECTION.symptoms}`, "");
  if (incident.symptoms.length === 0) out.push(EMPTY, "");
  for (const symptom of incident.symptoms) {
    const fence = fenceFor(symptom);
    out.push(`${fence}text`, symptom, fence, "");
  }

  out.push(`## ${SECTION.timeline}`, "");
  if (incident.timeline.length === 0) out.push(EMPTY, "");
  for (const entry of incident.timeline) {
    const link = entry.link ? ` · [link](<${entry.link}>)` : "";
    out.push(`- \`${entry.at.toISOString()}\` **${entry.kind}**${link}`, "", indent(body(entry.text), "  "), "");
  }

  out.push(`## ${SECTION.rootCauses}`, "");
  if (incident.rootCauses.length === 0) out.push(EMPTY, "");
  incident.rootCauses.forEach((cause, i) => {
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

  out.push(`## ${SECTION.resolution}`, "", orEmpty(incident.resolution), "");

  const insights = incident.learnings.filter((l) => l.kind === "insight");
  const lessons = incident.learnings.filter((l) => l.kind === "lesson");
  out.push(`## ${SECTION.insights}`, "", ...learnings(insights));
  out.push(`## ${SECTION.lessons}`, "", ...learnings(lessons));

  out.push(`## ${SECTION.nextSteps}`, "");
  if (incident.actionItems.length === 0) out.push(EMPTY, "");
  for (const item of incident.actionItems) {
    const ownerNeeded = item.owner !== "" || / _\(owner: [^)]*\)_$/.test(item.text);
    out.push(`- [${item.done ? "x" : " "}] ${item.text}${ownerNeeded ? ` _(owner: ${item.owner})_` : ""}`);
  }
  if (incident.actionItems.length) out.push("");

  return `${out.join("\n").trimEnd()}\n`;
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
