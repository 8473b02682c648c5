// Optimistic gate: a request without a session cookie never reaches a protected page or API.
// The real check (is the session valid, is the role enough) happens in each page (requireUser) and
// in route() for handlers, which answers a signed-out call the same way.
// socket.io (/socket.io/) is served by the custom server before Next, so it never comes here.
// It also turns away a path Next cannot decode, before any route runs.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { bearerToken } from "@/lib/auth/bearer-header";
import { AUTH_COOKIE_PREFIX, isPublicPath, REQUEST_PATH_HEADER } from "@/lib/auth/paths";
import { SIGN_IN_REQUIRED } from "@/lib/http/json-error";

const MALFORMED_PATH = "The URL path is not valid percent-encoded UTF-8.";

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const signedIn = getSessionCookie(request, { cookiePrefix: AUTH_COOKIE_PREFIX }) !== null;
  if (!decodes(pathname)) return undecodable(request, signedIn);
  // Pages read this to build /sign-in?next=...; always overwrite a client-sent copy.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);

  // An API token opens the API only (route() checks it); pages need a session.
  const api = pathname.startsWith("/api/");
  if (isPublicPath(pathname) || signedIn || (api && bearerToken(request.headers) !== null)) {
    return NextResponse.next({ request: { headers } });
  }
  if (api) {
    return NextResponse.json({ error: SIGN_IN_REQUIRED }, { status: 401 });
  }
  // /sign-in sends people on to /setup while there are no users yet.
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

/** A path that cannot be decoded names nothing: a client gets the reason, a person the styled 404. */
function undecodable(request: NextRequest, signedIn: boolean): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: MALFORMED_PATH }, { status: 400 });
  }
  // The 404 page passes through this proxy again as /_not-found, which would send a signed-out
  // visitor to /sign-in?next=/_not-found; send them to /sign-in directly, with nothing to return to.
  if (!signedIn) return NextResponse.redirect(new URL("/sign-in", request.url));
  return NextResponse.rewrite(new URL("/_not-found", request.url));
}

/**
 * Next decodes each dynamic segment with decodeURIComponent and answers a bare 500 when it throws
 * (`%ZZ`, a cut-off `%E0%A4%A`, the overlong `%c0%ae`), signed in or not.
 */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Everything except Next's build output and static files from public/.
  matcher: [
    // eslint-disable-next-line @stylistic/max-len -- Next.js reads the matcher at build time: one plain literal
    "/((?!_next/static|_next/image|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|webmanifest)$).*)",
  ],
};
