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

/**
 * After an SSO callback (./sso.ts): a new session means it succeeded. The detail says which role the
 * provider's groups gave, the role it replaced, and whether the account was made just now.
 */
export async function auditSsoSignIn(attempt: {
  userId: string | undefined;
  email: string | null;
  role: string | null;
  from: string | undefined;
  created: boolean | undefined;
  groups: string[];
  error: string | null;
  headers: Headers | undefined;
}): Promise<void> {
  const address = attempt.headers?.get(REMOTE_ADDR_HEADER) ?? null;
  const email = attempt.email?.slice(0, MAX_EMAIL) ?? null;
  // Bounded like the email: the provider decides how many groups it sends.
  const groups = attempt.groups.slice(0, 50).map((group) => group.slice(0, 200));
  if (attempt.userId) {
    const changed = attempt.from !== undefined && attempt.from !== attempt.role ? { from: attempt.from } : {};
    const detail = { via: "sso", email, role: attempt.role, ...changed, created: attempt.created === true, address };
    await record("auth.sign-in", attempt.userId, { ...detail, groups });
  } else {
    await record("auth.sign-in-failed", null, { via: "sso", email, error: attempt.error, groups, address });
  }
}

/** Before `/sign-out`, while the session still names its user; nothing to record without one. */
export async function auditSignOut(userId: string | undefined, headers: Headers | undefined): Promise<void> {
  if (userId) await record("auth.sign-out", userId, { address: headers?.get(REMOTE_ADDR_HEADER) ?? null });
}

/** better-auth's admin endpoints and what each one's event says about the call. */
const ADMIN_EVENTS: Record<string, (body: Record<string, unknown>, returned: unknown) => [string, object]> = {
  "/admin/create-user": (body, returned) => [
    "user.create",
    { target: userIdOf(returned), email: attemptedEmail(body), role: body.role ?? null },
  ],
  "/admin/set-role": (body) => ["user.role", { target: body.userId ?? null, to: body.role ?? null }],
  "/admin/ban-user": (body) => ["user.ban", { target: body.userId ?? null }],
  "/admin/unban-user": (body) => ["user.unban", { target: body.userId ?? null }],
  "/admin/remove-user": (body) => ["user.remove", { target: body.userId ?? null }],
  "/admin/set-user-password": (body) => ["user.password", { target: body.userId ?? null }],
  "/admin/update-user": (body) => ["user.update", { target: body.userId ?? null }],
  "/admin/revoke-user-sessions": (body) => ["user.sessions-revoke", { target: body.userId ?? null }],
  "/admin/impersonate-user": (body) => ["user.impersonate", { target: body.userId ?? null }],
};

function userIdOf(returned: unknown): unknown {
  const user = typeof returned === "object" && returned !== null && "user" in returned ? returned.user : null;
  return typeof user === "object" && user !== null && "id" in user ? user.id : null;
}

/**
 * After an admin endpoint reached over HTTP. Calls from the server's own code (`auth.api.*`, no
 * request) are audited by that code with more detail (lib/auth/user-admin.ts, first-admin.ts), so
 * they are skipped here to keep one event per change. A refused call (an error returned) changed
 * nothing and is not a user change.
 */
export async function auditAdminCall(call: {
  path: string;
  viaHttp: boolean;
  /** The caller's session, as better-auth's admin middleware loaded it. */
  session: { user: { id: string }; session: Record<string, unknown> } | null;
  body: unknown;
  returned: unknown;
  headers: Headers | undefined;
}): Promise<void> {
  if (!call.viaHttp || call.returned instanceof Error) return;
  const actorId = call.session?.user.id ?? null;
  const address = call.headers?.get(REMOTE_ADDR_HEADER) ?? null;
  if (call.path === "/admin/stop-impersonating") {
    // The caller's session is the impersonated one; the admin is who started it.
    const by = call.session?.session.impersonatedBy;
    const admin = typeof by === "string" ? by : null;
    await record("user.impersonate-stop", admin, { target: actorId, address });
    return;
  }
  const describe = ADMIN_EVENTS[call.path];
  if (!describe) return;
  const body = typeof call.body === "object" && call.body !== null ? (call.body as Record<string, unknown>) : {};
  const [action, detail] = describe(body, call.returned);
  await record(action, actorId, { ...detail, via: "api", address });
}
