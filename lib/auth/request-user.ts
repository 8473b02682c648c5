// Session lookup from plain request headers: usable by route handlers, server actions and the
// custom server alike (no Next-only APIs here). Entry points do not call it themselves: route
// handlers get the user from route() in lib/http/route.ts, server actions from lib/actions.
import { log } from "@/lib/log";
import { auth } from "./auth";
import { isRole, type Role } from "./roles";

export type SessionUser = { id: string; name: string; email: string; role: Role };

/** Who may use an entry point: the least role it needs, or "public" for anyone, signed in or not. */
export type Access = Role | "public";

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
