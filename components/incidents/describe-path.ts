// A validation path as the person sees the field: rootCauses.0.title → "Root cause 1 · title".
const TOP: Record<string, string> = {
  title: "Title",
  severity: "Severity",
  status: "Status",
  startedAt: "Started",
  detectedAt: "Detected",
  resolvedAt: "Resolved",
  environment: "Environment",
  summary: "Problem summary",
  resolution: "Resolution",
  tags: "Tags",
  playbooks: "Playbooks",
  runs: "Runs",
};
const ROWS: Record<string, string> = {
  symptoms: "Symptom",
  timeline: "Timeline entry",
  rootCauses: "Root cause",
  learnings: "Learning",
  actionItems: "Action",
};
const FIELDS: Record<string, string> = { at: "time", playbookSlug: "playbook", stepId: "step" };

export function describePath(path: string): string {
  const [head = "", index, field] = path.split(".");
  if (!path) return "Incident";
  if (TOP[head]) return TOP[head];
  const row = ROWS[head];
  if (!row) return path;
  if (index === undefined || !/^\d+$/.test(index)) return `${row}s`;
  const label = `${row} ${Number(index) + 1}`;
  return field ? `${label} · ${FIELDS[field] ?? field}` : label;
}
