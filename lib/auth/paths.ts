// Which paths need a session, and where to send people who have none. Shared by proxy.ts and the
// page-level checks; it imports nothing heavy so the proxy stays small.
import { sameSitePath } from "@/lib/http/site-path";

/**
 * better-auth's cookie prefix: the session cookie is `casebook.session_token` (with `__Secure-`
 * in front over https). The proxy checks for it without loading the auth instance.
 */
export const AUTH_COOKIE_PREFIX = "casebook";

/** Request header the proxy sets to the path and query being requested (any client copy is replaced). */
export const REQUEST_PATH_HEADER = "x-casebook-path";

/** Where load balancers and scrapers look: public, and answered without a session. */
export const PROBE_PATHS = ["/healthz", "/readyz", "/metrics"];

const PUBLIC_PREFIXES = ["/sign-in", "/setup", "/api/auth", "/api/health", ...PROBE_PATHS, "/_next"];

/** Paths anyone may request without signing in. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A `next` redirect target reduced to a same-site path (the check is sameSitePath's), so
 * /sign-in?next=... cannot send people to another site or back to /sign-in.
 */
export function safeNextPath(value: string | null | undefined): string {
  const path = value ? sameSitePath(value) : null;
  if (!path) return "/";
  const pathname = path.split(/[?#]/, 1)[0];
  if (pathname === "/sign-in" || pathname?.startsWith("/sign-in/")) return "/";
  return path;
}

export function signInPath(next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}
