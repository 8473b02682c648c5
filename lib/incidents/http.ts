// Incident requests over HTTP: the JSON body the write routes take, and how incident failures
// answer: bad input 400 with one reason per field, a stale edit 409, a missing incident 404.
// Anything else is logged and answered 500 without internals.
import * as z from "zod";
import { jsonBody } from "@/lib/http/body";
import { log } from "@/lib/log";
import { IncidentInputError } from "./schema";
import { IncidentConflictError, IncidentNotFoundError } from "./update-incident";

/**
 * A new incident: `{ incident }`, or a bare incident. The incident itself is checked by
 * parseIncidentInput, whose per-field issues the forms show. (An edit also names the copy it
 * started from: incidentUpdateSchema in schema.ts.)
 */
export const incidentBody = jsonBody(
  z
    .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null, "The body must be a JSON object")
    .transform((value) => ({ incident: "incident" in value ? value.incident : (value as unknown) })),
  "{ incident: {...} }",
);

/** The list's filter (GET /api/incidents and its export): each one optional, exact values. */
export const incidentFilterSchema = z.object({
  status: z.string().optional(),
  severity: z.string().optional(),
  tag: z.string().optional(),
  playbook: z.string().optional().describe("A playbook slug the incident links."),
});

export function incidentErrorResponse(err: unknown, context: Record<string, unknown> = {}): Response {
  if (err instanceof IncidentInputError) {
    return Response.json({ error: "The incident has problems; see issues.", issues: err.issues }, { status: 400 });
  }
  if (err instanceof IncidentConflictError) return Response.json({ error: err.message }, { status: 409 });
  if (err instanceof IncidentNotFoundError) return Response.json({ error: err.message }, { status: 404 });
  log.error({ err, ...context }, "incident request failed");
  const error = "Saving the incident failed on the server; nothing was saved. The server log has the details.";
  return Response.json({ error }, { status: 500 });
}
