// Reads a write-up that exportIncidentMarkdown produced (it carries MARKER). Only the exporter's own
// structure splits the document, so every field's Markdown comes back exactly as it was exported.
import { blankRootCause, CAUSE_FIELDS } from "../fields";
import { FIELD_LABELS } from "../labels";
import {
  ACTION_ITEM,
  CAUSE_LABEL,
  CAUSE_LABEL_LINE,
  DATE_LABEL,
  EMPTY,
  HEADER_LINES,
  LEARNING_LINK,
  NUMBERED_HEADING,
  SECTIONS,
  TIMELINE_ITEM,
  sectionHeading,
  sectionTitle,
  structuralIn,
  type FieldContext,
  type HeaderLine,
  type Section,
} from "./format";
import { dedent, fenceMask, trimBlock, unescapeStructure } from "./lines";
import { emptyRawIncident, splitList, type ParsedWriteUp, type RawIncident, type RawRootCause } from "./raw-incident";

interface Block {
  start: number; // 0-based index of the first line after the heading
  lines: string[];
}

const sectionByName = new Map(SECTIONS.map((s): [string, Section] => [sectionTitle(s).toLowerCase(), s]));
const headerByLabel = new Map(HEADER_LINES.map((l): [string, HeaderLine] => [FIELD_LABELS[l.field].markdown, l]));
const fieldByLabel = new Map(CAUSE_FIELDS.map((field) => [CAUSE_LABEL[field], field]));

function text(lines: readonly string[], context: FieldContext = "prose"): string {
  return unescapeStructure(trimBlock(lines).join("\n"), structuralIn(context));
}

function orEmpty(lines: readonly string[]): string {
  const t = trimBlock(lines).join("\n");
  return t === EMPTY ? "" : text(lines);
}

/** Splits `block` at lines (outside code fences) for which `isStart` returns a match. */
function splitAt<M>(block: Block, isStart: (line: string) => M | null): Array<{ match: M; at: number; body: Block }> {
  const mask = fenceMask(block.lines);
  const parts: Array<{ match: M; at: number; body: Block }> = [];
  block.lines.forEach((line, i) => {
    const match = mask[i] ? null : isStart(line);
    if (match !== null) parts.push({ match, at: block.start + i, body: { start: block.start + i + 1, lines: [] } });
    else parts.at(-1)?.body.lines.push(line);
  });
  return parts;
}

export function parseExportedWriteUp(source: string): ParsedWriteUp {
  const all = source.replace(/\r\n?/g, "\n").split("\n");
  const incident = emptyRawIncident();
  const lines = new Map<string, number>();
  const mask = fenceMask(all);

  const titleAt = all.findIndex((l, i) => !mask[i] && l.startsWith("# "));
  incident.title = titleAt >= 0 ? (all[titleAt] ?? "").slice(2) : "";
  lines.set("title", titleAt + 1);

  const sections = splitAt({ start: 0, lines: all }, (l) => {
    const name = sectionHeading(l);
    return name ? (sectionByName.get(name.toLowerCase()) ?? null) : null;
  });
  const headEnd = sections[0]?.at ?? all.length;
  readHeader(all.slice(titleAt + 1, headEnd), titleAt + 1, incident, lines);

  for (const { match: section, at, body } of sections) {
    lines.set(section.field, at + 1);
    readSection(section, body, incident, lines);
  }
  return { incident, lines };
}

function readSection(section: Section, body: Block, incident: RawIncident, lines: Map<string, number>) {
  switch (section.field) {
    case "symptoms":
      incident.symptoms = readSymptoms(body.lines);
      return;
    case "timeline":
      for (const item of splitAt(body, (l) => TIMELINE_ITEM.exec(l))) {
        lines.set(`timeline.${incident.timeline.length}`, item.at + 1);
        incident.timeline.push({
          at: item.match[1] ?? "",
          kind: item.match[2] ?? "",
          link: item.match[3] ?? null,
          text: text(dedent(trimBlock(item.body.lines), 2)),
        });
      }
      return;
    case "rootCauses":
      for (const part of splitAt(body, (l) => NUMBERED_HEADING.exec(l))) {
        lines.set(`rootCauses.${incident.rootCauses.length}`, part.at + 1);
        incident.rootCauses.push(readCause(part.match[2] ?? "", part.body));
      }
      return;
    case "learnings":
      for (const part of splitAt(body, (l) => NUMBERED_HEADING.exec(l))) {
        lines.set(`learnings.${incident.learnings.length}`, part.at + 1);
        incident.learnings.push({ kind: section.kind, ...readLearning(part.match[2], part.body) });
      }
      return;
    case "actionItems": {
      const m = fenceMask(body.lines);
      body.lines.forEach((l, i) => {
        const item = m[i] ? null : ACTION_ITEM.exec(l);
        if (!item) return;
        lines.set(`actionItems.${incident.actionItems.length}`, body.start + i + 1);
        incident.actionItems.push({ done: item[1] !== " ", text: item[2] ?? "", owner: item[3] ?? "" });
      });
      return;
    }
    default:
      incident[section.field] = orEmpty(body.lines);
  }
}

function readHeader(head: string[], offset: number, incident: RawIncident, lines: Map<string, number>) {
  let date: string | null = null;
  head.forEach((raw, i) => {
    const m = /^\*\*([A-Za-z ]+)\*\*: (.*?)(?: {2})?$/.exec(raw);
    if (!m) return;
    const [, key = "", value = ""] = m;
    if (key === DATE_LABEL) {
      date = value;
      return;
    }
    const line = headerByLabel.get(key);
    if (!line) return;
    lines.set(line.field, offset + i + 1);
    switch (line.kind) {
      case "text":
      case "date":
        incident[line.field] = value;
        break;
      case "list":
        incident[line.field] = splitList(value);
        break;
    }
  });
  if (incident.startedAt === null && date !== null) incident.startedAt = date;
}

function readSymptoms(body: string[]): string[] {
  const symptoms: string[] = [];
  let fence: string | null = null;
  let current: string[] = [];
  for (const line of body) {
    if (fence === null) {
      const m = /^(`{3,})text$/.exec(line);
      if (m?.[1]) {
        fence = m[1];
        current = [];
      }
    } else if (line === fence) {
      symptoms.push(current.join("\n"));
      fence = null;
    } else {
      current.push(line);
    }
  }
  return symptoms;
}

function readCause(title: string, body: Block): RawRootCause {
  const cause: RawRootCause = { ...blankRootCause(), title };
  for (const part of splitAt(body, (l) => CAUSE_LABEL_LINE.exec(l))) {
    const field = fieldByLabel.get(part.match[1] ?? "");
    if (!field) continue;
    const rest = part.match[2];
    cause[field] = text(rest === undefined ? part.body.lines : [rest, ...part.body.lines], "cause");
  }
  return cause;
}

function readLearning(
  title: string | undefined,
  body: Block,
): { text: string; playbookSlug: string | null; stepId: string | null } {
  const lines = trimBlock(body.lines);
  const mask = fenceMask(lines);
  const last = lines.at(-1);
  const link = last !== undefined && !mask[lines.length - 1] ? LEARNING_LINK.exec(last) : null;
  const rest = text(link ? lines.slice(0, -1) : lines, "learning");
  const full = title ? (rest ? `${title}\n\n${rest}` : title) : rest;
  return { text: full, playbookSlug: link?.[1] ?? null, stepId: link?.[2] ?? null };
}
