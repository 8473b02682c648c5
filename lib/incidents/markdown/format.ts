// The shape of an exported incident write-up, shared by the exporter and the strict importer. It
// follows the session-learnings write-ups people already keep (problem summary, root causes with
// symptom / cause / solution, key insights, lessons, next steps) and adds the fields Casebook has.

/** Marks a write-up Casebook produced, so the importer reads it exactly instead of guessing. */
export const MARKER = "<!-- casebook-incident v1 -->";

export const SECTION = {
  summary: "Problem Summary",
  symptoms: "Symptoms",
  timeline: "Timeline",
  rootCauses: "Root Causes Identified",
  resolution: "Resolution",
  insights: "Key Insights",
  lessons: "Lessons Learned",
  nextSteps: "Next Steps",
} as const;
export type SectionKey = keyof typeof SECTION;

export const HEADER = {
  date: "Date",
  severity: "Severity",
  status: "Status",
  started: "Started",
  detected: "Detected",
  resolved: "Resolved",
  environment: "Environment",
  tags: "Tags",
  playbooks: "Playbooks",
  runs: "Runs",
  authors: "Authors",
} as const;

export const CAUSE_LABEL = {
  symptom: "Symptom",
  cause: "Root Cause",
  evidence: "Evidence",
  fix: "Solution",
  prevention: "Prevention",
} as const;
export type CauseField = keyof typeof CAUSE_LABEL;
export const CAUSE_FIELDS = Object.keys(CAUSE_LABEL) as CauseField[];

export const EMPTY = "_None recorded._";

const sectionNames = new Set(Object.values(SECTION).map((s) => s.toLowerCase()));
const causeLabels = Object.values(CAUSE_LABEL).join("|");

export const NUMBERED_HEADING = /^### (\d+)\.(?: (.*))?$/;
export const CAUSE_LABEL_LINE = new RegExp(`^\\*\\*(${causeLabels})\\*\\*:(?: (.*))?$`);
export const LEARNING_LINK = /^→ Playbook: \[([a-z0-9-]+)\]\(\/playbooks\/[a-z0-9-]+\)(?: · step \[([a-z0-9-]+)\]\(\/playbooks\/[a-z0-9-]+#step-[a-z0-9-]+\))?$/;
export const TIMELINE_ITEM = /^- `([^`]+)` \*\*([a-z]+)\*\*(?: · \[link\]\(<([^<>\n]*)>\))?$/;
export const ACTION_ITEM = /^- \[( |x|X)\] (.*?)(?: _\(owner: ([^)]*)\)_)?$/;

export function sectionHeading(line: string): string | null {
  const m = /^## (.+)$/.exec(line);
  return m?.[1] && sectionNames.has(m[1].toLowerCase()) ? m[1] : null;
}

/** Where a field's text sits in the write-up, which decides what would read as structure there. */
export type FieldContext = "prose" | "cause" | "learning";

/** Lines that would read as structure if they appeared inside a field's text in `context`. */
export function structuralIn(context: FieldContext): (line: string) => boolean {
  return (line) =>
    line === EMPTY ||
    sectionHeading(line) !== null ||
    (context !== "prose" && NUMBERED_HEADING.test(line)) ||
    (context === "cause" && CAUSE_LABEL_LINE.test(line)) ||
    (context === "learning" && line.startsWith("→ Playbook: "));
}
