// Single sign-on settings, from the environment only (docs/sso.md): who may sign in and with which
// role is a deployment decision, like the two-person rule, not a switch an admin flips in the app.
// A half-set or mistyped configuration throws at start, naming the variable, rather than running
// without SSO or with a role map that grants nothing.
import { isRole, type Role } from "./roles";
import { parseRoleMap, type SsoPolicy } from "./sso-roles";

type Env = Readonly<Record<string, string | undefined>>;

/** better-auth's provider id: the callback is /api/auth/callback/oidc, the one to register. */
export const SSO_PROVIDER_ID = "oidc";

export interface SsoConfig extends SsoPolicy {
  providerId: typeof SSO_PROVIDER_ID;
  /** What the sign-in button says after "Sign in with". */
  name: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  groupsClaim: string;
}

const REQUIRED = ["CASEBOOK_OIDC_ISSUER", "CASEBOOK_OIDC_CLIENT_ID", "CASEBOOK_OIDC_CLIENT_SECRET"] as const;
const WELL_KNOWN = "/.well-known/openid-configuration";

function fail(name: string, problem: string): never {
  throw new Error(`${name}: ${problem} (see docs/sso.md)`);
}

/** The issuer (or its discovery document's URL) to the discovery URL. */
function discoveryUrl(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    fail("CASEBOOK_OIDC_ISSUER", `not a URL: ${JSON.stringify(issuer)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") fail("CASEBOOK_OIDC_ISSUER", "must be http(s)");
  return url.pathname.endsWith(WELL_KNOWN) ? url.href : `${url.href.replace(/\/+$/, "")}${WELL_KNOWN}`;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (["on", "1", "true", "yes"].includes(value)) return true;
  if (["off", "0", "false", "no"].includes(value)) return false;
  return fail(name, `expected on or off, got ${JSON.stringify(env[name])}`);
}

/** The SSO configuration, or null when none of its variables are set. */
export function ssoConfig(env: Env = process.env): SsoConfig | null {
  const set = REQUIRED.filter((name) => env[name]?.trim());
  if (set.length === 0) return null;
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) fail(missing.join(", "), "needed too when single sign-on is configured");
  const issuer = env.CASEBOOK_OIDC_ISSUER!.trim();

  let roleMap;
  try {
    roleMap = parseRoleMap(env.CASEBOOK_OIDC_ROLE_MAP ?? "");
  } catch (err) {
    fail("CASEBOOK_OIDC_ROLE_MAP", (err as Error).message);
  }
  const fallback = env.CASEBOOK_OIDC_DEFAULT_ROLE?.trim() || null;
  if (fallback !== null && !isRole(fallback)) fail("CASEBOOK_OIDC_DEFAULT_ROLE", `not a role: ${fallback}`);
  if (roleMap.size === 0 && fallback === null) {
    fail("CASEBOOK_OIDC_ROLE_MAP", "empty, and no CASEBOOK_OIDC_DEFAULT_ROLE: nobody could sign in");
  }
  const scopes = (env.CASEBOOK_OIDC_SCOPES?.trim() || "openid email profile").split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes("openid")) scopes.unshift("openid");

  return {
    providerId: SSO_PROVIDER_ID,
    name: env.CASEBOOK_OIDC_NAME?.trim() || "single sign-on",
    discoveryUrl: discoveryUrl(issuer),
    clientId: env.CASEBOOK_OIDC_CLIENT_ID!.trim(),
    clientSecret: env.CASEBOOK_OIDC_CLIENT_SECRET!.trim(),
    scopes,
    groupsClaim: env.CASEBOOK_OIDC_GROUPS_CLAIM?.trim() || "groups",
    roleMap,
    defaultRole: fallback as Role | null,
    jit: onOff(env, "CASEBOOK_OIDC_JIT", false),
  };
}

/**
 * CASEBOOK_PASSWORD_SIGN_IN=on: password sign-in stays on whatever the admin setting says, the way
 * back in when the identity provider is down or misconfigured. Unset: the setting decides.
 */
export function passwordSignInForcedOn(env: Env = process.env): boolean {
  return onOff(env, "CASEBOOK_PASSWORD_SIGN_IN", false);
}
