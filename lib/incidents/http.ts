// How incident failures answer over HTTP: bad input 400 with one reason per field, a stale edit
// 409, a missing incident 404. Anything else is logged and answered 500 without internals.
import { log } from "@/lib/log";
import { IncidentInputError } from "./schema";
import { IncidentConflictError, IncidentNotFoundError } from "./update-incident";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function incidentErrorResponse(err: unknown, context: Record<string, unknown> = {}): Response {
  if (err instanceof IncidentInputError) {
    return Response.json({ error: "The incident has problems; see issues.", issues: err.issues }, { status: 400 });
  }
  if (err instanceof IncidentConflictError) return Response.json({ error: err.message }, { status: 409 });
  if (err instanceof IncidentNotFoundError) return Response.json({ error: err.message }, { status: 404 });
  log.error({ err, ...context }, "incident request failed");
  return Response.json({ error: "Saving the incident failed on the server; nothing was saved. The server log has the details." }, { status: 500 });
}

/** The request body as text, refusing oversized bodies before reading them whole. */
export async function readBody(req: Request): Promise<{ text: string } | { response: Response }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { response: Response.json({ error: `Request body over ${MAX_BODY_BYTES} bytes` }, { status: 413 }) };
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { response: Response.json({ error: `Request body over ${MAX_BODY_BYTES} bytes` }, { status: 413 }) };
  return { text };
}

/** `{ incident, expectedUpdatedAt? }` (or a bare incident) from a JSON body. */
export async function readIncidentBody(req: Request): Promise<{ incident: unknown; expectedUpdatedAt?: string } | { response: Response }> {
  const body = await readBody(req);
  if ("response" in body) return body;
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return { response: Response.json({ error: "The body must be JSON: { incident: {...} }" }, { status: 400 }) };
  }
  if (!value || typeof value !== "object") return { response: Response.json({ error: "The body must be a JSON object" }, { status: 400 }) };
  const v = value as { incident?: unknown; expectedUpdatedAt?: unknown };
  if ("incident" in v) {
    return { incident: v.incident, ...(typeof v.expectedUpdatedAt === "string" ? { expectedUpdatedAt: v.expectedUpdatedAt } : {}) };
  }
  return { incident: value };
}
