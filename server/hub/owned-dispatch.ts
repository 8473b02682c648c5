// What the /ui socket and in-process callers (route handlers, alert triage: in-process.ts) share
// once a request has passed its guards: running an "owned" command here or on the instance that
// owns it (forwarding.ts), and auditing a refusal of authority. One copy, so a REST call and a
// socket call of the same command cannot drift apart.
import type { z } from "zod";
import { log } from "@/lib/log";
import type { UiCommand, UiError, UiEvent, UiResult } from "@/lib/runs/protocol";
import type { Forwarder } from "./forwarding";
import { handleOwned, handlerOf, ownsHere, type HubContext, type OwnerContext } from "./ui-commands";

/** Refusals of authority are audited; bad input and conflicts (a step already running) are not. */
export const AUDITED_REFUSALS = new Set<UiError["code"]>(["forbidden", "unauthorized"]);

export function badRequest(error: z.ZodError): UiError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { code: "bad-request", message: `${where}${issue?.message ?? "invalid request"}` };
}

/** Runs a command owned by "host" or "run" here, or on the instance holding the host's agent or the run. */
export async function dispatchOwned(
  hub: HubContext,
  forwarder: Forwarder | undefined,
  event: UiCommand,
  ctx: OwnerContext,
  req: unknown,
): Promise<UiResult<object>> {
  const handler = handlerOf(event);
  const elsewhere = forwarder && !ownsHere(hub.runs, handler.owner, req);
  const forwarded = elsewhere ? await forwarder.forward({ event, user: ctx.user, req }) : null;
  return forwarded ?? (await handleOwned(handler, ctx, req));
}

/** Audited where the request came in, so a forwarded request's refusal is recorded once. */
export async function auditRefusal(
  hub: HubContext,
  event: UiEvent,
  userId: string,
  req: unknown,
  error: UiError,
): Promise<void> {
  const { runId, hostId } = req as { runId?: unknown; hostId?: unknown };
  const id = (value: unknown) => (typeof value === "string" ? value : null);
  const detail = { event, code: error.code, message: error.message };
  await hub.store
    .auditHub("hub.refused", { userId, runId: id(runId), hostId: id(hostId), detail })
    .catch((err: unknown) => log.error({ err, event }, "could not audit a refusal"));
}
