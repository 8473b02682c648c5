// An incident row as search reads it, and the search document it becomes: one document whose parts
// (symptoms, root causes with their fixes, learnings) deep-link into the incident page. Pure, so
// the benchmark indexes generated incidents exactly as the app indexes stored ones.
import type { Prisma } from "@/lib/db/generated/client";
import type { SearchDoc, SearchHit, SearchPart } from "@/lib/search/types";
import { incidentHeadSelect, stringArray } from "./incident-record";
import { FIELD_LABELS } from "./labels";

export type IncidentMatchPart = "title" | "summary" | "symptom" | "cause" | "learning";

export interface IncidentHead {
  kind: "incident";
  id: string;
  title: string;
  severity: string;
  status: string;
  /** ISO date the incident started (or was recorded). */
  date: string;
  /** Each root cause with its symptom and a one-line fix, so a result can say what fixed it. */
  causes: Array<{ title: string; symptom: string; fix: string }>;
  playbooks: string[];
}

export type IncidentSearchResult = SearchHit<IncidentHead, IncidentMatchPart>;

export function isIncidentResult(hit: SearchHit): hit is IncidentSearchResult {
  return hit.kind === "incident";
}

export const incidentSearchSelect = {
  ...incidentHeadSelect,
  summary: true,
  resolution: true,
  rootCauses: { select: { title: true, symptom: true, cause: true, fix: true }, orderBy: { position: "asc" } },
  learnings: { select: { text: true }, orderBy: { position: "asc" } },
  playbooks: { select: { playbookSlug: true } },
} satisfies Prisma.IncidentSelect;

export type IncidentSearchRow = Prisma.IncidentGetPayload<{ select: typeof incidentSearchSelect }>;

/** One line saying what a Markdown fix does: its first sentence of prose, else its first command. */
export function fixSummary(markdown: string): string {
  let inCode = false;
  let firstCommand = "";
  for (const raw of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      if (!firstCommand && raw.trim() && !raw.trim().startsWith("#")) firstCommand = raw.trim().replace(/^\$ /, "");
      continue;
    }
    const line = raw
      .replace(/^[#>\-*\s]+/, "")
      .replace(/[`*]/g, "")
      .trim();
    // "New Code (CORRECT):" introduces the fix; it does not say what it is.
    if (line && !/^[^.]{0,60}:$/.test(line)) return clip(line);
  }
  return firstCommand ? clip(firstCommand) : "";
}

function clip(line: string): string {
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function firstProse(markdown: string): string {
  return fixSummary(markdown.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1\s*$/gm, ""));
}

function codeOf(markdown: string): string {
  return [...markdown.matchAll(/^\s*(```|~~~)[^\n]*\n([\s\S]*?)^\s*\1\s*$/gm)].map((m) => m[2] ?? "").join("\n");
}

export function incidentDocument(r: IncidentSearchRow): SearchDoc<IncidentHead, IncidentMatchPart> {
  const href = `/incidents/${r.id}`;
  const tags = stringArray(r.tags);
  const parts: Array<SearchPart<IncidentMatchPart>> = [
    { part: "title", label: "Incident", href, title: r.title, tags, context: firstProse(r.summary) },
    {
      part: "summary",
      label: FIELD_LABELS.summary.label,
      href: `${href}#summary`,
      text: `${r.summary}\n\n${r.resolution}`,
    },
    ...stringArray(r.symptoms).map((symptom) => ({
      part: "symptom" as const,
      label: FIELD_LABELS.symptoms.row,
      href: `${href}#symptoms`,
      symptom,
    })),
    ...r.rootCauses.map((c, i) => ({
      part: "cause" as const,
      label: `${FIELD_LABELS.rootCauses.row} "${c.title}"`,
      href: `${href}#cause-${i + 1}`,
      title: c.title,
      symptom: c.symptom,
      code: codeOf(c.fix),
      text: `${c.cause}\n\n${c.fix}`,
    })),
    ...r.learnings.map((l) => ({
      part: "learning" as const,
      label: FIELD_LABELS.learnings.row,
      href: `${href}#learnings`,
      text: l.text,
    })),
  ];
  return {
    key: `incident:${r.id}`,
    title: r.title,
    head: {
      kind: "incident",
      id: r.id,
      title: r.title,
      severity: r.severity,
      status: r.status,
      date: (r.startedAt ?? r.createdAt).toISOString(),
      causes: r.rootCauses.map((c) => ({ title: c.title, symptom: c.symptom.slice(0, 500), fix: fixSummary(c.fix) })),
      playbooks: r.playbooks.map((p) => p.playbookSlug).sort(),
    },
    tags,
    parts,
  };
}
