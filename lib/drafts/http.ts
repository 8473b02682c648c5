// How a refused draft request answers over HTTP: its status and reason. Anything else is logged and
// answered 500 without internals; the business functions save nothing half-way either way.
import { jsonError } from "@/lib/http/json-error";
import { log } from "@/lib/log";
import { DraftError } from "./draft-error";

export function draftErrorResponse(err: unknown, context: Record<string, unknown> = {}): Response {
  if (err instanceof DraftError) return Response.json({ error: err.message, ...err.facts }, { status: err.status });
  log.error({ err, ...context }, "draft request failed");
  return jsonError(500, "The draft request failed on the server; nothing was saved. The server log has the details.");
}
