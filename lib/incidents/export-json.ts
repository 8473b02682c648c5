// Incident ↔ JSON: the complete record in a stable, versioned envelope, for tools and backups.
import { IncidentInputError, incidentInputSchema, issuesFromZod, type IncidentInput } from "./schema";
import type { ExportableIncident } from "./types";

export const JSON_FORMAT = "casebook.incident";
export const JSON_VERSION = 1;

/** The envelope itself, for exports that hold many (GET /api/incidents/export). */
export function incidentEnvelope(incident: ExportableIncident) {
  const { authors, ...fields } = incident;
  return { format: JSON_FORMAT, version: JSON_VERSION, incident: fields, authors: authors ?? [] };
}

export function exportIncidentJson(incident: ExportableIncident): string {
  return `${JSON.stringify(incidentEnvelope(incident), null, 2)}\n`;
}

/** Accepts the envelope exportIncidentJson writes, or a bare incident object. */
export function importIncidentJson(text: string, file = "incident.json"): IncidentInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new IncidentInputError([{ path: "", message: `${file}: not valid JSON (${(err as Error).message})` }]);
  }
  const envelope = value as { format?: unknown; version?: unknown; incident?: unknown } | null;
  if (envelope && typeof envelope === "object" && envelope.format === JSON_FORMAT) {
    if (envelope.version !== JSON_VERSION) {
      throw new IncidentInputError([
        { path: "", message: `${file}: unsupported version ${String(envelope.version)} (expected ${JSON_VERSION})` },
      ]);
    }
    value = envelope.incident;
  }
  const result = incidentInputSchema.safeParse(value);
  if (!result.success) {
    throw new IncidentInputError(issuesFromZod(result.error).map((i) => ({ ...i, message: `${file}: ${i.message}` })));
  }
  return result.data;
}
