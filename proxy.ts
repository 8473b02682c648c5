// Optimistic gate: a request without a session cookie never reaches a protected page or API.
// The real check (is the session valid, is the role enough) happens in each page (requireUser) and
// in route() for handlers, which answers a signed-out call the same way.
// socket.io (/socket.io/) is served by the custom server before Next, so it never comes here.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { AUTH_COOKIE_PREFIX, isPublicPath, REQUEST_PATH_HEADER } from "@/lib/auth/paths";
import { SIGN_IN_REQUIRED } from "@/lib/http/json-error";

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  // Pages read this to build /sign-in?next=...; always overwrite a client-sent copy.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);

  if (isPublicPath(pathname) || getSessionCookie(request, { cookiePrefix: AUTH_COOKIE_PREFIX })) {
    return NextResponse.next({ request: { headers } });
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: SIGN_IN_REQUIRED }, { status: 401 });
  }
  // /sign-in sends people on to /setup while there are no users yet.
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except Next's build output and static files from public/.
  matcher: [
    // eslint-disable-next-line @stylistic/max-len -- Next.js reads the matcher at build time: one plain literal
    "/((?!_next/static|_next/image|.*\\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|woff2?|ttf|webmanifest)$).*)",
  ],
};
