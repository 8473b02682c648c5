// Single sign-on with OpenID Connect (docs/sso.md): better-auth's generic OAuth plugin talks to the
// identity provider (discovery, PKCE, nonce, ID token checked against the provider's keys); the
// plugin below decides who gets in and with which role, and audits it. Its gate is better-auth's
// `user.validateUserInfo`, which runs before an SSO user is made, linked or signed in and refuses
// when it throws, so a fault here keeps people out rather than letting them in with a stale role.
import "server-only";
import type { BetterAuthPlugin, ValidateUserInfoSource } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { auditSsoSignIn } from "./auth-audit";
import { passwordSignInAllowed } from "./password-sign-in";
import { applySsoRole } from "./sso-role-apply";
import { groupsIn, ssoVerdict, type SsoVerdict } from "./sso-roles";
import { ssoConfig, type SsoConfig } from "./sso-config";

/** The verdict on each SSO callback in flight, for the user-create hook and the audit after it. */
interface Attempt {
  verdict: SsoVerdict;
  email: string | null;
  /** The role the user had before this sign-in changed it. */
  from?: string;
  created?: boolean;
}
const attempts = new WeakMap<Request, Attempt>();

const CALLBACK = "/callback/:id";

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** What an SSO user is called when their account is made: the provider's name for them, else the email. */
function displayName(profile: Record<string, unknown>): string {
  return str(profile.name) ?? str(profile.preferred_username) ?? str(profile.email) ?? "SSO user";
}

function casebookSso(config: SsoConfig): BetterAuthPlugin {
  const ours = (source: ValidateUserInfoSource) =>
    source.method === "oauth" && source.oauth?.providerId === config.providerId;

  return {
    id: "casebook-sso",
    init: () => ({
      options: {
        user: {
          async validateUserInfo({ user, source }, ctx) {
            if (!ours(source)) return;
            const request = ctx.request;
            if (!request) return { error: "sso_no_request", errorDescription: "SSO sign-in needs a browser request." };
            const verdict = ssoVerdict(config, {
              groups: groupsIn(source.oauth?.profile ?? {}, config.groupsClaim),
              existing: source.action !== "create-user",
              linked: source.action === "sign-in",
              emailVerified: user.emailVerified === true,
            });
            const attempt: Attempt = { verdict, email: str(user.email) ?? null };
            attempts.set(request, attempt);
            if ("refused" in verdict) return { error: verdict.refused };
            // An existing user gets the role now, before their session exists: a group taken away
            // at the provider lowers the role at this sign-in, not at the next request.
            if (source.action !== "create-user" && typeof user.id === "string") {
              attempt.from = await applySsoRole(user.id, verdict.role);
            }
          },
        },
        account: {
          // Local accounts are made by admins only (no sign-up), so their addresses are vouched for;
          // the provider's address must be verified instead (ssoVerdict).
          accountLinking: { requireLocalEmailVerified: false },
        },
        databaseHooks: {
          user: {
            create: {
              // A just-in-time account starts with its mapped role rather than the default.
              async before(user, ctx) {
                const attempt = ctx?.request ? attempts.get(ctx.request) : undefined;
                if (!attempt || !("role" in attempt.verdict)) return;
                attempt.created = true;
                return { data: { ...user, role: attempt.verdict.role } };
              },
            },
          },
        },
      },
    }),
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async () => {
            if (await passwordSignInAllowed()) return;
            throw new APIError("FORBIDDEN", {
              code: "PASSWORD_SIGN_IN_OFF",
              message: `Password sign-in is turned off. Sign in with ${config.name}.`,
            });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === CALLBACK && ctx.params?.id === config.providerId,
          handler: createAuthMiddleware(async (ctx) => {
            const attempt = ctx.request ? attempts.get(ctx.request) : undefined;
            await auditSsoSignIn({
              userId: ctx.context.newSession?.user.id,
              email: attempt?.email ?? null,
              role: attempt && "role" in attempt.verdict ? attempt.verdict.role : null,
              from: attempt?.from,
              created: attempt?.created,
              groups: attempt?.verdict.groups ?? [],
              error: callbackError(ctx.context.returned),
              headers: ctx.headers,
            });
          }),
        },
      ],
    },
  };
}

/** The `error` better-auth put on the redirect of a failed callback. */
function callbackError(returned: unknown): string | null {
  const headers = typeof returned === "object" && returned !== null && "headers" in returned ? returned.headers : null;
  const location = headers instanceof Headers ? headers.get("location") : null;
  if (!location) return null;
  try {
    return new URL(location, "http://casebook.invalid").searchParams.get("error");
  } catch {
    return null;
  }
}

/** The plugins for lib/auth/auth.ts: none without SSO configured. */
export function ssoPlugins(config: SsoConfig | null = ssoConfig()): BetterAuthPlugin[] {
  if (!config) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: config.providerId,
          name: config.name,
          discoveryUrl: config.discoveryUrl,
          // Without the provider's issuer and keys an ID token could not be checked: skip the provider.
          requireIdTokenVerification: true,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          // client_secret_basic: what OpenID Connect assumes for a client registered without a method.
          authentication: "basic",
          scopes: config.scopes,
          pkce: true,
          mapProfileToUser: (profile) => ({ name: displayName(profile) }),
        },
      ],
    }),
    casebookSso(config),
  ];
}
