import "server-only";
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultAc } from "better-auth/plugins/admin/access";
import { db } from "@/lib/db/client";
import { isPostgres } from "@/lib/db/url";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";
import { log } from "@/lib/log";
import { API_TOKEN_PATHS, apiTokenOptions } from "./api-token-options";
import { auditAdminCall, auditSignIn, auditSignOut } from "./auth-audit";
import { AUTH_COOKIE_PREFIX } from "./paths";
import { serverBaseUrl, trustedOrigins } from "./origins";
import { authSecret } from "./secret";
import { SIGN_IN_LIMITS, signInLimit } from "./sign-in-limit";
import { ssoPlugins } from "./sso";
import { bumpUser } from "./user-epoch";

const baseURL = serverBaseUrl();

// Viewers and operators get no user-management permissions; what they may do in Casebook is
// decided by hasRole() in lib/auth/roles.ts, not by better-auth's access control.
const noAdminPermissions = defaultAc.newRole({ user: [], session: [] });

/** The endpoints that list sessions: `/list-sessions` answers an array, the admin one `{ sessions }`. */
const SESSION_LISTS = new Set(["/list-sessions", "/admin/list-user-sessions"]);

/**
 * A session token is a bearer credential: whoever reads one can act as that session. So lists go
 * out without them: an admin must not be able to become the users they list, and the caller's own
 * current session is already in its cookie. (Revoking one session by token is given up with this.)
 */
function withoutTokens(returned: unknown): unknown[] | { sessions: unknown[] } | undefined {
  const strip = (list: unknown[]) =>
    list.map((item) => {
      if (typeof item !== "object" || item === null) return item;
      const { token: _token, ...rest } = item as Record<string, unknown>;
      return rest;
    });
  if (Array.isArray(returned)) return strip(returned);
  if (typeof returned === "object" && returned !== null && "sessions" in returned && Array.isArray(returned.sessions)) {
    return { ...returned, sessions: strip(returned.sessions) };
  }
  // Anything else (a refusal) goes out as it is.
  return undefined;
}

export const auth = betterAuth({
  appName: "Casebook",
  baseURL,
  basePath: "/api/auth",
  secret: authSecret(),
  trustedOrigins: trustedOrigins(),
  database: prismaAdapter(db, {
    provider: isPostgres() ? "postgresql" : "sqlite",
    transaction: true,
  }),
  // Tokens are made, listed and revoked only through Casebook's own actions (lib/auth/api-tokens.ts),
  // which check the cap and write the audit trail; the plugin's own HTTP endpoints stay closed.
  disabledPaths: API_TOKEN_PATHS,
  emailAndPassword: {
    enabled: true,
    // Admins create accounts; nobody can sign themselves up.
    disableSignUp: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
    // No cookie cache: every check reads the session row, so a ban or role change applies at once.
    cookieCache: { enabled: false },
  },
  rateLimit: {
    enabled: true,
    // In the database, so the limit holds across restarts and across server instances.
    storage: "database",
    window: 60,
    max: 100,
    customRules: {
      // A flood ceiling on sign-in requests per address, right or wrong (each one hashes a password).
      // Failed sign-ins have their own, tighter limits per account and per address: ./sign-in-limit.ts.
      "/sign-in/email": { window: 60, max: 3 * SIGN_IN_LIMITS.perAddress },
    },
  },
  advanced: {
    cookiePrefix: AUTH_COOKIE_PREFIX,
    useSecureCookies: baseURL.startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    // Explicit, because better-auth turns the origin (CSRF) check off when NODE_ENV is "test".
    disableOriginCheck: false,
    disableCSRFCheck: false,
    // Only the header the custom server stamps with the client address (lib/http/client-address.ts,
    // TRUST_PROXY), overwriting any client copy: never a client-supplied X-Forwarded-For.
    ipAddress: { ipAddressHeaders: [REMOTE_ADDR_HEADER] },
  },
  // Every change that can take authority away (ban and unban, role, deletion, sign-out, revoked or
  // ended sessions, whichever endpoint or action made it) bumps the user's epoch, so the hub
  // re-checks that user's open sockets at once instead of re-reading sessions on every request.
  databaseHooks: {
    user: {
      update: { after: async (user) => bumpUser(user.id) },
      delete: { after: async (user) => bumpUser(user.id) },
    },
    session: {
      delete: { after: async (session) => bumpUser(session.userId) },
    },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      // Audit: who signs out, read while the session still exists.
      if (ctx.path === "/sign-out") await auditSignOut((await getSessionFromCtx(ctx))?.user.id, ctx.headers);
    }),
    after: createAuthMiddleware(async (ctx) => {
      // Audit: every sign-in attempt, successful or not.
      if (ctx.path === "/sign-in/email") {
        await auditSignIn({ userId: ctx.context.newSession?.user.id, body: ctx.body, headers: ctx.headers });
      }
      // Audit: user changes through better-auth's admin endpoints, with the admin as the actor.
      if (ctx.path.startsWith("/admin/")) {
        await auditAdminCall({
          path: ctx.path,
          viaHttp: Boolean(ctx.request),
          session: ctx.context.session,
          body: ctx.body,
          returned: ctx.context.returned,
          headers: ctx.headers,
        });
      }
      const stripped = SESSION_LISTS.has(ctx.path) ? withoutTokens(ctx.context.returned) : undefined;
      if (stripped) return ctx.json(stripped);
    }),
  },
  telemetry: { enabled: false },
  logger: {
    log(level, message, ...args: unknown[]) {
      // A refused API token is the caller's mistake, answered with a 401 and its reason: not an error.
      const quiet = level === "error" && message.startsWith("Failed to validate API key");
      log[quiet ? "info" : level]({ args, component: "better-auth" }, message);
    },
  },
  plugins: [
    admin({
      defaultRole: "viewer",
      adminRoles: ["admin"],
      roles: { viewer: noAdminPermissions, operator: noAdminPermissions, admin: adminAc },
      bannedUserMessage: "This account is disabled. Ask an admin to re-enable it.",
    }),
    signInLimit(),
    apiKey(apiTokenOptions),
    ...ssoPlugins(),
    // Must stay last: it copies Set-Cookie from auth calls made inside server actions.
    nextCookies(),
  ],
});

export type Auth = typeof auth;
