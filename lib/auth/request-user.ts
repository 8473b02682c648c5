// Who a request is from, from plain request headers: usable by route handlers, server actions and
// the custom server alike (no Next-only APIs here). Entry points do not call it themselves: route
// handlers get the user from route() in lib/http/route.ts, server actions from lib/actions.
// Two credentials: better-auth's session cookie, or an API token as `Authorization: Bearer`
// (./bearer.ts), which takes precedence, so a script's token is never mixed up with a cookie.
import { log } from "@/lib/log";
import { auth } from "./auth";
import { bearerToken } from "./bearer-header";
import { isRole, type Role } from "./roles";

export type SessionUser = { id: string; name: string; email: string; role: Role };

/** Who may use an entry point: the least role it needs, or "public" for anyone, signed in or not. */
export type Access = Role | "public";

/** The caller, or nobody; `refused` says why a credential that was presented did not count. */
export type Caller = { user: SessionUser; refused?: undefined } | { user: null; refused?: string };

export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  return (await callerFromHeaders(headers)).user;
}

/** `what` (e.g. "GET /api/search") goes into the audit event of a token's use. */
export async function callerFromHeaders(headers: Headers, what?: string): Promise<Caller> {
  const token = bearerToken(headers);
  if (token !== null) {
    const { userFromBearer } = await import("./bearer");
    const result = await userFromBearer(token, what);
    return "user" in result ? { user: result.user } : { user: null, refused: result.refused };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return { user: null };
  const { id, name, email, role } = session.user;
  if (!isRole(role)) {
    // Only a hand-edited row gets here (better-auth refuses unknown roles); give it the least.
    log.warn({ userId: id, role }, "unknown role; treating the user as a viewer");
    return { user: { id, name, email, role: "viewer" } };
  }
  return { user: { id, name, email, role } };
}
