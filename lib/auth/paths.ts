// Which paths need a session, and where to send people who have none. Shared by proxy.ts and the
// page-level checks; it imports nothing heavy so the proxy stays small.

/**
 * better-auth's cookie prefix: the session cookie is `casebook.session_token` (with `__Secure-`
 * in front over https). The proxy checks for it without loading the auth instance.
 */
export const AUTH_COOKIE_PREFIX = "casebook";

/** Request header the proxy sets to the path and query being requested (any client copy is replaced). */
export const REQUEST_PATH_HEADER = "x-casebook-path";

const PUBLIC_PREFIXES = ["/sign-in", "/setup", "/api/auth", "/api/health", "/_next"];

/** Paths anyone may request without signing in. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A `next` redirect target reduced to a same-site path, so /sign-in?next=... cannot send people to
 * another site (`//evil.example`, `/\evil.example`, `https://...`) or back to /sign-in.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Browsers drop tabs and newlines inside URLs, which turns "/\t/evil" into "//evil".
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return "/";
  let url: URL;
  try {
    url = new URL(value, "http://casebook.invalid");
  } catch {
    return "/";
  }
  if (url.origin !== "http://casebook.invalid") return "/";
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}
