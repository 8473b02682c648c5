// Session lookup from plain request headers: usable by route handlers, server actions and the
// custom server alike (no Next-only APIs here).
import { log } from "@/lib/log";
import { auth } from "./auth";
import { hasRole, isRole, type Role } from "./roles";

export type SessionUser = { id: string; name: string; email: string; role: Role };

export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  if (!isRole(role)) {
    // Only a hand-edited row gets here (better-auth refuses unknown roles); give it the least.
    log.warn({ userId: id, role }, "unknown role; treating the user as a viewer");
    return { id, name, email, role: "viewer" };
  }
  return { id, name, email, role };
}

/** For route handlers: the user, or a 401/403 JSON Response to return as-is. */
export async function requireApiUser(req: Request, min: Role = "viewer"): Promise<SessionUser | Response> {
  const user = await userFromHeaders(req.headers);
  if (!user) return Response.json({ error: "Sign in required." }, { status: 401 });
  if (!hasRole(user, min)) {
    return Response.json({ error: `Forbidden: this needs the ${min} role, and you are ${user.role}.` }, { status: 403 });
  }
  return user;
}
