// one-database: SQLite, whose file testing/db-snapshot.ts reads synchronously to check each try's effects.
// The authorisation matrix for better-auth's endpoints, the one route handler that is not declared
// with route(): every endpoint the auth instance serves (listed from `auth.api`, so one a plugin or
// an upgrade adds fails until it has a line), tried as each principal through this route's own
// handler, against a real temp database. Judged as app/authorisation-matrix.test.ts judges: a
// refused try changes nothing and gives nothing away, an allowed one does what it is for.
// Features Casebook leaves off (sign-up, social sign-in, e-mail flows, account deletion) are
// "nobody": no one may use them, and a change of configuration that turns one on fails here.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectedVerdict,
  judgeTry,
  PRINCIPALS,
  tableGaps,
  type Principal,
  type Rule,
  type Verdict,
} from "@/testing/authorisation";
import { changes, snapshotter } from "@/testing/db-snapshot";
import { createPrincipals, credentialHeaders, type Principals } from "@/testing/principals";
import { TEST_PASSWORD } from "@/testing/signed-in";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-auth-matrix-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { auth } = await import("@/lib/auth/auth");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { REMOTE_ADDR_HEADER } = await import("@/lib/http/remote-addr");
const route = (await import("./route")) as Record<string, unknown>;

const origin = serverBaseUrl();
const db$ = snapshotter(tempDb.url);
let who: Principals;
let unique = 0;
const next = (prefix: string) => `${prefix}-${++unique}`;
const nextAddress = () => {
  const n = ++unique;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * Someone for the admin endpoints to act on: a bare row (hashing a real password costs a third of
 * a second), optionally banned, with a session or a password account.
 */
async function victim(opts: { banned?: boolean; session?: boolean; account?: boolean } = {}) {
  const id = next("victim");
  const email = `${id}@example.com`;
  await db.user.create({ data: { id, email, name: "Vic", role: "viewer", banned: opts.banned ?? false } });
  const token = randomBytes(16).toString("hex");
  if (opts.session) {
    await db.session.create({
      data: { id: next("session"), token, userId: id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
  }
  if (opts.account) {
    await db.account.create({
      data: { id: next("account"), accountId: id, providerId: "credential", userId: id, password: "not-a-hash" },
    });
  }
  return { id, email, token };
}

/** A user who signs in with TEST_PASSWORD, made once. */
let signInEmail = "";

/** The session token inside a principal's cookie (`casebook.session_token=<token>.<signature>`). */
function sessionToken(cookie: string | undefined): string {
  const value = /casebook\.session_token=([^;]+)/.exec(cookie ?? "")?.[1] ?? "";
  return decodeURIComponent(value).split(".")[0] ?? "";
}

interface Call {
  cookie: string | undefined;
}

interface EndpointEntry {
  who: Rule;
  /** The JSON body (POST) or query (GET) an allowed caller would send; built before the snapshot. */
  input?: (call: Call) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Fills `:param` segments. */
  params?: Record<string, string>;
  /** Tables an allowed call changes (at least), by who calls; none: it changes nothing. */
  writes?: string[] | ((principal: Principal) => string[]);
  /** The call ends the caller's session(s): it gets a fresh one, and signs in again afterwards. */
  endsSession?: boolean;
  /** Text an allowed answer holds. */
  shows?: () => string;
}

const EXAMPLE = '{ who: "<public|viewer|admin|nobody>", input: () => ({ … }), writes: ["…"] }';
const signedIn = (principal: Principal) => expectedVerdict("viewer", principal) === "allowed";

/** Who may use each better-auth endpoint, by method and path under /api/auth. */
const ENDPOINTS: Record<string, EndpointEntry> = {
  // Anyone: signing in and out, and asking who you are.
  "GET /get-session": { who: "public" },
  "POST /sign-in/email": {
    who: "public",
    input: () => ({ email: signInEmail, password: TEST_PASSWORD }),
    writes: ["Session", "AuditEvent"],
  },
  "POST /sign-out": {
    who: "public",
    endsSession: true,
    writes: (principal) => (signedIn(principal) ? ["Session", "AuditEvent"] : []),
  },
  "GET /ok": { who: "public" },
  "GET /error": { who: "public" },

  // Any signed-in user, about themselves only.
  "POST /update-user": { who: "viewer", input: () => ({ name: next("Renamed") }), writes: ["User"] },
  "POST /change-password": {
    who: "viewer",
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    writes: ["Account"],
  },
  "POST /verify-password": { who: "viewer", input: () => ({ password: TEST_PASSWORD }) },
  "GET /list-sessions": { who: "viewer" },
  "GET /list-accounts": { who: "viewer" },
  "POST /revoke-session": {
    who: "viewer",
    endsSession: true,
    input: ({ cookie }) => ({ token: sessionToken(cookie) }),
    writes: ["Session"],
  },
  "POST /revoke-sessions": { who: "viewer", endsSession: true, writes: ["Session"] },
  "POST /revoke-other-sessions": { who: "viewer", endsSession: true, writes: ["Session"] },
  "POST /admin/has-permission": { who: "viewer", input: () => ({ permissions: { user: ["list"] } }) },

  // Admins, about other users.
  "POST /admin/set-role": {
    who: "admin",
    input: async () => ({ userId: (await victim()).id, role: "admin" }),
    writes: ["User", "AuditEvent"],
  },
  "GET /admin/get-user": { who: "admin", input: async () => ({ id: (await victim()).id }) },
  "POST /admin/create-user": {
    who: "admin",
    input: () => ({ email: `${next("made")}@example.com`, password: TEST_PASSWORD, name: "Made", role: "admin" }),
    writes: ["User", "Account", "AuditEvent"],
  },
  "POST /admin/update-user": {
    who: "admin",
    input: async () => ({ userId: (await victim()).id, data: { name: "Changed" } }),
    writes: ["User", "AuditEvent"],
  },
  "GET /admin/list-users": { who: "admin", shows: () => who.users.viewer.email },
  "POST /admin/list-user-sessions": {
    who: "admin",
    input: async () => ({ userId: (await victim({ session: true })).id }),
  },
  "POST /admin/ban-user": {
    who: "admin",
    input: async () => ({ userId: (await victim({ session: true })).id }),
    writes: ["User", "Session", "AuditEvent"],
  },
  "POST /admin/unban-user": {
    who: "admin",
    input: async () => ({ userId: (await victim({ banned: true })).id }),
    writes: ["User", "AuditEvent"],
  },
  "POST /admin/impersonate-user": {
    who: "admin",
    input: async () => ({ userId: (await victim()).id }),
    writes: ["Session", "AuditEvent"],
  },
  "POST /admin/revoke-user-session": {
    who: "admin",
    input: async () => ({ sessionToken: (await victim({ session: true })).token }),
    writes: ["Session"],
  },
  "POST /admin/revoke-user-sessions": {
    who: "admin",
    input: async () => ({ userId: (await victim({ session: true })).id }),
    writes: ["Session", "AuditEvent"],
  },
  "POST /admin/remove-user": {
    who: "admin",
    input: async () => ({ userId: (await victim()).id }),
    writes: ["User", "AuditEvent"],
  },
  "POST /admin/set-user-password": {
    who: "admin",
    input: async () => ({ userId: (await victim({ account: true })).id, newPassword: "a-new-password-9" }),
    writes: ["Account", "AuditEvent"],
  },

  // Nobody: features Casebook leaves off, or that need what the principals cannot have.
  "POST /sign-up/email": {
    who: "nobody",
    input: () => ({ email: `${next("signup")}@example.com`, password: TEST_PASSWORD, name: "Sign Up" }),
  },
  "POST /sign-in/social": { who: "nobody", input: () => ({ provider: "github" }) },
  "GET /callback/:id": { who: "nobody", params: { id: "github" }, input: () => ({ code: "x", state: "y" }) },
  "POST /callback/:id": { who: "nobody", params: { id: "github" }, input: () => ({ code: "x", state: "y" }) },
  "POST /request-password-reset": {
    who: "nobody",
    input: () => ({ email: who.users.viewer.email, redirectTo: "/" }),
  },
  "GET /reset-password/:token": {
    who: "nobody",
    params: { token: "not-a-token" },
    input: () => ({ callbackURL: "/" }),
  },
  "POST /reset-password": { who: "nobody", input: () => ({ newPassword: "a-new-password-9", token: "not-a-token" }) },
  "GET /verify-email": { who: "nobody", input: () => ({ token: "not-a-token" }) },
  "POST /send-verification-email": { who: "nobody", input: () => ({ email: who.users.viewer.email }) },
  "POST /change-email": { who: "nobody", input: () => ({ newEmail: `${next("moved")}@example.com` }) },
  "POST /delete-user": { who: "nobody", input: () => ({ password: TEST_PASSWORD }) },
  "GET /delete-user/callback": { who: "nobody", input: () => ({ token: "not-a-token" }) },
  "POST /link-social": { who: "nobody", input: () => ({ provider: "github" }) },
  "POST /unlink-account": { who: "nobody", input: () => ({ providerId: "credential" }) },
  "POST /refresh-token": { who: "nobody", input: () => ({ providerId: "github" }) },
  "POST /get-access-token": { who: "nobody", input: () => ({ providerId: "github" }) },
  "GET /account-info": { who: "nobody", input: () => ({ accountId: "not-an-account" }) },
  // Asking for the session by POST needs deferred session refresh, which is off.
  "POST /get-session": { who: "nobody" },
  // Casebook's sessions have no fields of their own to update.
  "POST /update-session": { who: "nobody", input: () => ({ ipAddress: "203.0.113.9" }) },
  // Only an impersonation session may end one; none of the principals holds one.
  "POST /admin/stop-impersonating": { who: "nobody" },
  // API tokens are made, listed and revoked only through Casebook's own actions (lib/auth/api-tokens.ts,
  // which check the cap and audit): the API-key plugin's endpoints are closed (disabledPaths).
  "POST /api-key/create": { who: "nobody", input: () => ({ name: "sneaky" }) },
  "GET /api-key/get": { who: "nobody", input: () => ({ id: "not-a-key" }) },
  "GET /api-key/list": { who: "nobody" },
  "POST /api-key/update": { who: "nobody", input: () => ({ keyId: "not-a-key", enabled: false }) },
  "POST /api-key/delete": { who: "nobody", input: () => ({ keyId: "not-a-key" }) },
};

interface Endpoint {
  key: string;
  method: string;
  path: string;
}

/** Every endpoint the auth instance serves over HTTP (server-only ones have no path). */
function endpoints(): Endpoint[] {
  const found: Endpoint[] = [];
  for (const endpoint of Object.values(auth.api) as { path?: string; options?: { method?: unknown } }[]) {
    if (!endpoint.path) continue;
    const methods = [endpoint.options?.method].flat().filter((m): m is string => typeof m === "string");
    for (const method of methods) found.push({ key: `${method} ${endpoint.path}`, method, path: endpoint.path });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * better-auth answers 401 without a session and 403 to a role too low. A feature that is off
 * answers whoever asks alike (400, 401 for a bad token, 404, or a redirect to its error page), so
 * for "nobody" any 3xx or 4xx is the refusal.
 */
function refusalOf(status: number, rule: Rule, verdict: Verdict): Exclude<Verdict, "allowed"> | null {
  if (rule === "nobody" && verdict !== "allowed" && status >= 300 && status < 500) return verdict;
  if (status === 401) return "sign-in";
  if (status === 403) return "forbidden";
  return null;
}

let secrets: string[] = [];

beforeAll(async () => {
  who = await createPrincipals("auth");
  secrets = [who.users.viewer.email, who.users.operator.email, who.users.admin.email];
  signInEmail = "signs-in@example.com";
  await auth.api.createUser({ body: { email: signInEmail, name: "Sig", password: TEST_PASSWORD, role: "viewer" } });
}, 60_000);

afterAll(async () => {
  db$.close();
  await db.$disconnect();
  tempDb.remove();
});

const found = endpoints();

describe("the expectation table", () => {
  it("has one entry for every better-auth endpoint, and none for anything else", () => {
    const where = "ENDPOINTS in app/api/auth/[...all]/endpoints-matrix.test.ts";
    const keys = found.map(({ key }) => key);
    expect(tableGaps(keys, ENDPOINTS, where, EXAMPLE)).toEqual([]);
  });
});

describe("better-auth endpoints", () => {
  it.each(found.filter(({ key }) => key in ENDPOINTS))("$key", async ({ key, method, path }) => {
    const entry = ENDPOINTS[key]!;
    const handler = route[method] as (req: Request) => Promise<Response>;
    const wrong: string[] = [];
    for (const principal of PRINCIPALS) {
      const verdict = expectedVerdict(entry.who, principal);
      const credentials = { ...who.credentials[principal] };
      if (entry.endsSession) credentials.cookie = await who.freshCookie(principal);
      const input = (await entry.input?.({ cookie: credentials.cookie })) ?? {};
      const filled = path.replace(/:(\w+)/g, (_, name: string) => entry.params?.[name] ?? name);
      const query = method === "GET" ? `?${new URLSearchParams(input as Record<string, string>)}` : "";
      const req = new Request(`${origin}/api/auth${filled}${query}`, {
        method,
        headers: {
          ...credentialHeaders(credentials),
          origin,
          "content-type": "application/json",
          // Each try from its own address, so better-auth's per-address limits never answer instead.
          [REMOTE_ADDR_HEADER]: nextAddress(),
        },
        body: method === "GET" ? undefined : JSON.stringify(input),
      });
      // No answer may carry a session token but the caller's own (issue 8, item 7).
      const own = sessionToken(credentials.cookie);
      const tokens = (await db.session.findMany({ select: { token: true } })).map((s) => s.token);
      const before = db$.take();
      const res = await handler(req);
      const text = `${res.status} ${await res.text()}`;
      const changed = changes(before, db$.take());
      // Revoking all or other sessions ends the principal's usual one too.
      if (entry.endsSession && signedIn(principal))
        who.credentials[principal].cookie = await who.freshCookie(principal);
      const writes = typeof entry.writes === "function" ? entry.writes(principal) : (entry.writes ?? []);
      const got = { ok: res.ok, refusal: refusalOf(res.status, entry.who, verdict), text, changed };
      const at = `${key} as ${principal}`;
      wrong.push(...judgeTry(at, { verdict, writes, shows: entry.shows?.(), secrets }, got));
      const leaked = tokens.filter((token) => token !== own && text.includes(token));
      if (leaked.length) wrong.push(`${at}: its answer holds ${leaked.length} session token(s) not its own`);
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});
