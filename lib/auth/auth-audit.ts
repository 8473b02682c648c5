// Audit events for authentication (issue 8, item 11): sign-in, failed sign-in and sign-out, with the
// email and the client address. Called from better-auth's hooks in ./auth.ts.
import "server-only";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/runs/audit";

/** Bounds what a failed attempt can write into the trail. */
const MAX_EMAIL = 320;

function attemptedEmail(body: unknown): string | null {
  const email = typeof body === "object" && body !== null && "email" in body ? body.email : null;
  return typeof email === "string" ? email.slice(0, MAX_EMAIL) : null;
}

/**
 * Writes the event, or logs why it could not: a database hiccup while auditing must not lock
 * everyone out, and the log line still says who tried.
 */
async function record(action: string, userId: string | null, detail: Record<string, unknown>): Promise<void> {
  try {
    await recordAudit({ action, userId, detail: JSON.stringify(detail) });
  } catch (err) {
    log.error({ err, action, userId, ...detail }, "could not write the authentication audit event");
  }
}

/** After `/sign-in/email`: a new session means it succeeded. */
export async function auditSignIn(attempt: {
  userId: string | undefined;
  body: unknown;
  headers: Headers | undefined;
}): Promise<void> {
  const detail = { email: attemptedEmail(attempt.body), address: attempt.headers?.get(REMOTE_ADDR_HEADER) ?? null };
  await record(attempt.userId ? "auth.sign-in" : "auth.sign-in-failed", attempt.userId ?? null, detail);
}

/** Before `/sign-out`, while the session still names its user; nothing to record without one. */
export async function auditSignOut(userId: string | undefined, headers: Headers | undefined): Promise<void> {
  if (userId) await record("auth.sign-out", userId, { address: headers?.get(REMOTE_ADDR_HEADER) ?? null });
}
