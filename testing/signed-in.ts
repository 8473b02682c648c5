// A real better-auth session for route tests: the user is created and signs in through the auth
// handler, so the cookie is one the app itself issued. Import it after DATABASE_URL points at the
// test's temp database (the auth module opens the database when it loads).
import { createHmac } from "node:crypto";
import type { Role } from "@/lib/auth/roles";

export const TEST_PASSWORD = "correct horse battery";

/** The Cookie header of a fresh session for a new user; `address` keeps rate limits apart per test. */
export async function signedInCookie(
  user: { email: string; name: string; role: Role },
  address = "198.51.100.10",
): Promise<string> {
  const { auth } = await import("@/lib/auth/auth");
  const { serverBaseUrl } = await import("@/lib/auth/origins");
  const origin = serverBaseUrl();
  await auth.api.createUser({ body: { ...user, password: TEST_PASSWORD } });
  const res = await auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-casebook-remote-addr": address },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed (${res.status}): ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * The Cookie header of a new session for an existing user, made by better-auth's own session store
 * and signed as its cookies are (HMAC-SHA256 of the token). No password is checked, so it costs no
 * password hash (a third of a second each on a busy machine).
 */
export async function newSessionCookie(userId: string): Promise<string> {
  const { auth } = await import("@/lib/auth/auth");
  const ctx = await auth.$context;
  const session = await ctx.internalAdapter.createSession(userId);
  const signature = createHmac("sha256", ctx.secret).update(session.token).digest("base64");
  return `${ctx.authCookies.sessionToken.name}=${encodeURIComponent(`${session.token}.${signature}`)}`;
}
