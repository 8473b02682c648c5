// POST /api/alerts/<source id>, after the route guard: limit, prove, parse, take. Every refusal is a
// 4xx with its reason; nothing is recorded before the request is proven to come from the source.
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { processSingleton } from "@/lib/process-singleton";
import { ClaimPendingError } from "./fingerprint-claim";
import { takeAlert, type IntakeResult, type StartTriage } from "./intake";
import type { SourceKind } from "./kinds";
import { parseAlerts } from "./payloads";
import { unsealSecret } from "./seal";
import { verifyRequest } from "./verify-request";

/** Alertmanager batches; a post larger than this is not an alert group. */
export const MAX_ALERT_BODY_BYTES = 1024 * 1024;
/** Per source: a storm repeats the same alerts, and each post costs an incident write. */
export const ALERT_POSTS_PER_MINUTE = 120;

const limiter = () =>
  processSingleton("alert-post-limiter", () => new RateLimiterMemory({ points: ALERT_POSTS_PER_MINUTE, duration: 60 }));

export async function receiveAlerts(sourceId: string, req: Request, startTriage: StartTriage): Promise<Response> {
  try {
    await limiter().consume(sourceId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retry = Math.ceil(err.msBeforeNext / 1000);
    return Response.json(
      { error: `Over ${ALERT_POSTS_PER_MINUTE} posts a minute for this source; retry in ${retry} s.` },
      { status: 429, headers: { "retry-after": String(retry) } },
    );
  }
  const source = await db.alertSource.findUnique({ where: { id: sourceId } });
  if (!source) return jsonError(404, "No alert source with this id.");
  if (Number(req.headers.get("content-length") ?? "0") > MAX_ALERT_BODY_BYTES) return tooLarge();
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_ALERT_BODY_BYTES) return tooLarge();

  const secret = unsealSecret(source.secretSealed);
  if (secret === null) {
    return jsonError(
      401,
      "This source's secret cannot be read (the server's auth secret changed); issue a new source.",
    );
  }
  const kind = source.kind as SourceKind;
  const refused = verifyRequest(kind, req.headers, body, secret);
  if (refused) return jsonError(401, refused);

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return jsonError(400, "The body must be JSON.");
  }
  const parsed = parseAlerts(kind, raw);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const results: IntakeResult[] = [];
  try {
    for (const alert of parsed.alerts) results.push(await takeAlert(source, alert, startTriage));
  } catch (err) {
    if (!(err instanceof ClaimPendingError)) throw err;
    // Another instance is still opening this alert's incident: the sender's retry will find it.
    const error = `${err.message}; send it again`;
    return Response.json({ error }, { status: 503, headers: { "retry-after": "5" } });
  }
  return Response.json({ alerts: results }, { status: 202 });
}

const tooLarge = () => jsonError(413, `Request body over ${MAX_ALERT_BODY_BYTES} bytes`);
