// Shapes the incident store hands out. IncidentInput (schema.ts) is what people edit; a record adds
// what the store owns: id, authors and times.
import type { IncidentInput } from "./schema";

export interface IncidentAuthorRef {
  id: string;
  name: string;
}

export type IncidentRecord = IncidentInput & {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  authors: IncidentAuthorRef[];
};

/** What an export needs: the incident, and optionally its authors' names (informational). */
export type ExportableIncident = IncidentInput & { authors?: string[] };

export function toExportable(record: IncidentRecord): ExportableIncident {
  const { id: _id, createdAt: _c, updatedAt: _u, authors, ...input } = record;
  return { ...input, authors: authors.map((a) => a.name) };
}
