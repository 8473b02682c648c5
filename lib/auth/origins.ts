/** The URL people reach this server at: BASE_URL, else http://HOST:PORT (default 127.0.0.1:3000). */
export function serverBaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.BASE_URL?.trim();
  // Vitest copies Vite's BASE_URL ("/", a public asset path) into process.env; it is not ours.
  const fromVite = env.VITEST !== undefined && configured?.startsWith("/");
  if (configured && !fromVite) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new Error(
        `BASE_URL is not a URL: ${JSON.stringify(configured)} (expected something like https://casebook.example.com)`,
      );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`BASE_URL must start with http:// or https://, got ${JSON.stringify(configured)}`);
    }
    return url.href.replace(/\/+$/, "");
  }
  const host = env.HOST || "127.0.0.1";
  const port = env.PORT || "3000";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname.startsWith("127.");
}

/**
 * Origins allowed to send cookie-bearing POSTs to the auth API (better-auth's CSRF check).
 * On a loopback address people type either 127.0.0.1 or localhost, so both are trusted.
 */
export function trustedOrigins(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const base = new URL(serverBaseUrl(env));
  const origins = new Set([base.origin]);
  if (isLoopbackHost(base.hostname)) {
    const port = base.port ? `:${base.port}` : "";
    for (const host of ["127.0.0.1", "localhost", "[::1]"]) origins.add(`${base.protocol}//${host}${port}`);
  }
  return [...origins];
}

/**
 * Whether a request's `Origin` header names this site: the check route() makes on every unsafe
 * method, against the list better-auth and socket.io use. `null` (sandboxed frames, file: pages,
 * cross-origin redirects) is never trusted.
 */
export function isTrustedOrigin(
  origin: string | null,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  return origin !== null && origin !== "null" && trustedOrigins(env).includes(origin);
}
