// Single sign-on end to end without a browser: a real OpenID Connect provider (oidc-provider on
// 127.0.0.1), the real better-auth handler with the generic OAuth plugin, and a real migrated
// SQLite file. Each sign-in walks the whole code flow: sign-in/social, the provider's login form,
// the callback, then the session's role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestOidcProvider, type TestOidcProvider } from "@/testing/oidc-provider";
import { createTempDatabase } from "@/testing/temp-database";

const ORIGIN = "http://127.0.0.1:3000";
const tempDb = createTempDatabase("casebook-sso-");
const idp: TestOidcProvider = await startTestOidcProvider({
  clientId: "casebook",
  clientSecret: "casebook-test-secret",
  redirectUri: `${ORIGIN}/api/auth/callback/oidc`,
  accounts: [
    { email: "ada@example.com", password: "pw-ada", name: "Ada", groups: ["casebook-admins", "oncall"] },
    { email: "otto@example.com", password: "pw-otto", name: "Otto", groups: ["oncall"] },
    { email: "nobody@example.com", password: "pw-nobody", name: "Nobody", groups: ["sales"] },
    { email: "made@example.com", password: "pw-made", name: "Made", groups: ["oncall"] },
    { email: "unverified@example.com", password: "pw-u", name: "U", groups: ["oncall"], emailVerified: false },
  ],
});
Object.assign(process.env, {
  DATABASE_URL: tempDb.url,
  BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  CASEBOOK_OIDC_ISSUER: idp.issuer,
  CASEBOOK_OIDC_CLIENT_ID: "casebook",
  CASEBOOK_OIDC_CLIENT_SECRET: "casebook-test-secret",
  CASEBOOK_OIDC_NAME: "Test IdP",
  CASEBOOK_OIDC_SCOPES: "openid email profile groups",
  CASEBOOK_OIDC_ROLE_MAP: "casebook-admins=admin,oncall=operator",
  CASEBOOK_OIDC_JIT: "off",
});

const { db } = await import("@/lib/db/client");
const { auth } = await import("./auth");
const { onUserChange } = await import("./user-epoch");
const { passwordSignInState, setPasswordSignIn } = await import("./password-sign-in");

/** Cookies by name, one jar per site. */
class Jar {
  static made = 0;
  readonly address = `198.51.100.${++Jar.made}`;
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function casebook(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", jar.header());
  headers.set("origin", ORIGIN);
  // Each sign-in from its own address: better-auth allows 3 sign-in starts per address per 10 s.
  headers.set("x-casebook-remote-addr", jar.address);
  const res = await auth.handler(new Request(url, { ...init, headers, redirect: "manual" }));
  jar.take(res);
  return res;
}

async function provider(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", jar.header());
  const res = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.take(res);
  return res;
}

const location = (res: Response, base: string) => new URL(res.headers.get("location")!, base).href;

/**
 * Signs in through the provider; answers where Casebook sent the browser at the end, and the jar
 * holding Casebook's cookies.
 */
async function ssoSignIn(email: string, password: string): Promise<{ landed: string; jar: Jar }> {
  const app = new Jar();
  const start = await casebook(app, `${ORIGIN}/api/auth/sign-in/social`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in" }),
  });
  expect(start.status, await start.clone().text()).toBe(200);
  let url: string = ((await start.json()) as { url: string }).url;
  expect(url.startsWith(idp.issuer)).toBe(true);

  const at = new Jar();
  let res = await provider(at, url);
  // The provider sends the browser to its login page.
  while (res.status >= 300 && res.status < 400 && !location(res, url).includes("/interaction/")) {
    url = location(res, url);
    res = await provider(at, url);
  }
  url = location(res, url);
  const page = await provider(at, url);
  expect(await page.text()).toContain("Test IdP sign-in");
  res = await provider(at, `${url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  // Back through the provider's resume endpoint to Casebook's callback.
  for (let hops = 0; hops < 5; hops++) {
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(300);
    url = location(res, url);
    if (url.startsWith(ORIGIN)) break;
    res = await provider(at, url);
  }
  expect(url).toContain("/api/auth/callback/oidc");
  const done = await casebook(app, url);
  expect(done.status).toBe(302);
  return { landed: done.headers.get("location")!, jar: app };
}

async function sessionRole(jar: Jar): Promise<string | null> {
  const session = await auth.api.getSession({ headers: new Headers({ cookie: jar.header() }) });
  return session ? (session.user as { role: string }).role : null;
}

async function makeUser(email: string, role: "viewer" | "operator" | "admin"): Promise<string> {
  const { user } = await auth.api.createUser({ body: { email, name: email, password: "local-password-1", role } });
  return user.id;
}

const lastAudit = async (action: string) =>
  db.auditEvent.findFirst({ where: { action }, orderBy: { seq: "desc" }, select: { userId: true, detail: true } });

beforeAll(async () => {
  await makeUser("ada@example.com", "viewer");
  await makeUser("otto@example.com", "admin");
  await makeUser("nobody@example.com", "admin");
  await makeUser("unverified@example.com", "viewer");
});

afterAll(async () => {
  await idp.close();
  await db.$disconnect();
  tempDb.remove();
});

describe("SSO sign-in through a real OpenID Connect provider", () => {
  it("signs an admin-made user in with the role their groups map to (the highest one)", async () => {
    const { landed, jar } = await ssoSignIn("ada@example.com", "pw-ada");
    expect(landed).toBe("/");
    expect(await sessionRole(jar)).toBe("admin");
    const audit = await lastAudit("auth.sign-in");
    expect(JSON.parse(audit!.detail!)).toMatchObject({
      via: "sso",
      email: "ada@example.com",
      role: "admin",
      from: "viewer",
    });
  });

  it("re-applies the role at every sign-in: a group removed lowers it and bumps the user's epoch", async () => {
    const otto = await db.user.findUniqueOrThrow({ where: { email: "otto@example.com" } });
    await db.user.update({ where: { id: otto.id }, data: { editor: true } });
    const bumped: string[] = [];
    const stop = onUserChange((id) => bumped.push(id));
    try {
      const first = await ssoSignIn("otto@example.com", "pw-otto");
      expect(await sessionRole(first.jar)).toBe("operator");
      expect(bumped).toContain(otto.id);
      // The editor permission belonged to the old role.
      expect((await db.user.findUniqueOrThrow({ where: { id: otto.id } })).editor).toBe(false);

      idp.accounts.get("otto@example.com")!.groups = ["casebook-admins"];
      expect(await sessionRole((await ssoSignIn("otto@example.com", "pw-otto")).jar)).toBe("admin");
      idp.accounts.get("otto@example.com")!.groups = ["oncall"];
      bumped.length = 0;
      expect(await sessionRole((await ssoSignIn("otto@example.com", "pw-otto")).jar)).toBe("operator");
      expect(bumped).toContain(otto.id);
    } finally {
      stop();
    }
  });

  it("refuses someone in none of the mapped groups, and leaves their role alone", async () => {
    const { landed, jar } = await ssoSignIn("nobody@example.com", "pw-nobody");
    expect(landed).toMatch(/^\/sign-in\?error=sso_no_role/);
    expect(await sessionRole(jar)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: "nobody@example.com" } })).role).toBe("admin");
    const audit = await lastAudit("auth.sign-in-failed");
    expect(JSON.parse(audit!.detail!)).toMatchObject({ via: "sso", error: "sso_no_role", groups: ["sales"] });
  });

  it("without just-in-time accounts, refuses someone no admin has made", async () => {
    const { landed, jar } = await ssoSignIn("made@example.com", "pw-made");
    expect(landed).toMatch(/^\/sign-in\?error=sso_not_provisioned/);
    expect(await sessionRole(jar)).toBeNull();
    expect(await db.user.count({ where: { email: "made@example.com" } })).toBe(0);
  });

  it("matches an admin-made account only by an email the provider has verified", async () => {
    const { landed } = await ssoSignIn("unverified@example.com", "pw-u");
    // better-auth refuses to link an unverified address before the gate is asked (account_not_linked).
    expect(landed).toMatch(/^\/sign-in\?error=(account_not_linked|sso_email_not_verified)/);
    expect(await db.account.count({ where: { providerId: "oidc", user: { email: "unverified@example.com" } } })).toBe(
      0,
    );
  });
  it("refuses a banned account as password sign-in does", async () => {
    await makeUser("made@example.com", "viewer");
    await db.user.update({ where: { email: "made@example.com" }, data: { banned: true } });
    const { landed, jar } = await ssoSignIn("made@example.com", "pw-made");
    expect(landed).toMatch(/^\/sign-in\?error=BANNED_USER/);
    expect(await sessionRole(jar)).toBeNull();
  });
});

describe("password sign-in next to SSO", () => {
  const signInWithPassword = (email: string) =>
    auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-casebook-remote-addr": "198.51.100.7" },
        body: JSON.stringify({ email, password: "local-password-1" }),
      }),
    );

  it("is refused with a 403 that says why while an admin has turned it off, and works again when on", async () => {
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const actor = { id: ada.id, name: ada.name, email: ada.email, role: "admin" as const };
    expect((await signInWithPassword("ada@example.com")).status).toBe(200);

    // Ada has signed in by SSO and is an admin, so turning passwords off locks nobody out.
    expect(await setPasswordSignIn(actor, false)).toMatchObject({ ok: true });
    expect(await passwordSignInState()).toMatchObject({ on: false, setting: false });
    const refused = await signInWithPassword("ada@example.com");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "PASSWORD_SIGN_IN_OFF", message: /Sign in with Test IdP/ });

    // The recovery hatch.
    process.env.CASEBOOK_PASSWORD_SIGN_IN = "on";
    try {
      expect((await signInWithPassword("ada@example.com")).status).toBe(200);
    } finally {
      delete process.env.CASEBOOK_PASSWORD_SIGN_IN;
    }

    expect(await setPasswordSignIn(actor, true)).toMatchObject({ ok: true });
    expect((await signInWithPassword("ada@example.com")).status).toBe(200);
    expect(await lastAudit("auth.password-sign-in")).toMatchObject({ userId: ada.id, detail: '{"on":true}' });
  });

  it("cannot be turned off while no admin could sign in by SSO", async () => {
    await db.account.deleteMany({ where: { providerId: "oidc" } });
    const actor = { id: "x", name: "x", email: "x@example.com", role: "admin" as const };
    const result = await setPasswordSignIn(actor, false);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/No admin has signed in with single sign-on/);
    expect((await passwordSignInState()).on).toBe(true);
  });
});
