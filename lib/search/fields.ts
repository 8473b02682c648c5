// The text fields search knows and how much a match in each counts: a declared symptom line
// says most about a playbook, then its title, tags, step and section headings, step code, prose.
import type { SearchPart } from "./types";

export const PART_FIELDS = ["symptom", "title", "tags", "code", "text"] as const;
export type PartField = (typeof PART_FIELDS)[number];

export const PART_BOOST: Record<PartField, number> = { symptom: 6, title: 4, tags: 3, code: 2, text: 1 };

export function partFieldText(part: SearchPart, field: PartField): string | undefined {
  return field === "tags" ? part.tags?.join(" ") : part[field];
}
