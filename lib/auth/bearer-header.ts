// The API token a request carries, if any: `Authorization: Bearer <token>` (RFC 6750). Read by the
// proxy (which lets such an /api/ request on to its route), route() (which spares it the Origin
// check when it has no cookie) and lib/auth/bearer.ts (which resolves it). No server-only imports.

/** The token after `Bearer ` (the scheme is case-insensitive), or null without one. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

/**
 * A request authenticated only by a bearer token. A browser never adds an Authorization header on
 * its own, so a cross-site page cannot make one carry the victim's credential: no CSRF check needed.
 * With a cookie as well it could be a browser's, and the Origin rule applies as for any cookie.
 */
export function isBearerOnly(headers: Headers): boolean {
  return bearerToken(headers) !== null && !headers.has("cookie");
}
