// A validation path as the person sees the field: rootCauses.0.title → "Root cause 1 · title".
import { FIELD_LABELS, type Label, type PartLabel } from "@/lib/incidents/labels";

const LABELS: Record<string, Label & { row?: string; parts?: Record<string, PartLabel> }> = FIELD_LABELS;

const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

export function describePath(path: string): string {
  const [head = "", index, part] = path.split(".");
  if (!path) return "Incident";
  const labels = own(LABELS, head);
  if (!labels) return path;
  if (!labels.row) return labels.label;
  if (index === undefined || !/^\d+$/.test(index)) return labels.label;
  const item = `${labels.row} ${Number(index) + 1}`;
  return part ? `${item} · ${own(labels.parts, part)?.name ?? part}` : item;
}
