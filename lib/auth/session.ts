// Session checks that read Next's request headers: pages call requireUser() at the top, and server
// actions get it through lib/actions/action-client.ts. Route handlers use route() in lib/http.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { REQUEST_PATH_HEADER, signInPath } from "./paths";
import { hasRole, type Role } from "./roles";
import { userFromHeaders, type SessionUser } from "./request-user";

export type { Role } from "./roles";
export type { SessionUser } from "./request-user";

/** The signed-in user, or null. Cached per request, so the layout and the page share one lookup. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => userFromHeaders(await headers()));

/**
 * The signed-in user with at least role `min`. Signed out: redirect to /sign-in?next=<this page>.
 * Role too low: render app/forbidden.tsx with status 403.
 */
export async function requireUser(min: Role = "viewer"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  if (!hasRole(user, min)) forbidden();
  return user;
}
