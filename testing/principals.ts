// The matrix's principals as real credentials, in-process: better-auth users signed in over the
// real handler, an admin banned through the app's own user admin (better-auth ends their sessions,
// they keep the cookie), and a host whose agent token was revoked. Import after DATABASE_URL points
// at the test's temp database.
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { PRINCIPAL_ROLES, type Principal } from "./authorisation";
import { newSessionCookie, signedInCookie } from "./signed-in";

/** What a principal presents: a session cookie, an agent token, or nothing. */
export interface Credentials {
  cookie?: string;
  agentToken?: string;
}

export interface Principals {
  credentials: Record<Principal, Credentials>;
  /** The signed-in users (and the banned one), as the app sees them. */
  users: Record<keyof typeof PRINCIPAL_ROLES | "banned", SessionUser>;
  /** A fresh session for one of the signed-in principals, for a try that ends its session. */
  freshCookie(principal: Principal): Promise<string | undefined>;
}

let address = 0;
const nextAddress = () => `198.51.100.${(address++ % 250) + 1}`;

async function userOf(cookie: string): Promise<SessionUser> {
  const { userFromHeaders } = await import("@/lib/auth/request-user");
  const user = await userFromHeaders(new Headers({ cookie }));
  if (!user) throw new Error("the cookie just issued names no session");
  return user;
}

/** Creates the principals; `tag` keeps their emails and host name apart from others in the database. */
export async function createPrincipals(tag = "matrix"): Promise<Principals> {
  const signIn = (role: Role, who: string) =>
    signedInCookie({ email: `${who}-${tag}@example.com`, name: `${who} ${tag}`, role }, nextAddress());
  const cookies: Record<string, string> = {};
  const users = {} as Principals["users"];
  for (const [principal, role] of Object.entries(PRINCIPAL_ROLES)) {
    cookies[principal] = await signIn(role, principal);
    users[principal as keyof typeof PRINCIPAL_ROLES] = await userOf(cookies[principal]);
  }

  const bannedCookie = await signIn("admin", "banned");
  users.banned = await userOf(bannedCookie);
  const { setBanned } = await import("@/lib/auth/user-admin");
  const ban = await setBanned(
    users.admin,
    { userId: users.banned.id, banned: true },
    new Headers({ cookie: cookies.admin! }),
  );
  if (!ban.ok) throw new Error(`could not ban: ${ban.message}`);

  const { createHost, revokeHost } = await import("@/lib/hosts/manage-hosts");
  const { host, token } = await createHost(`revoked-${tag}`);
  await revokeHost(host.id, users.admin.id);

  const credentials: Record<Principal, Credentials> = {
    anonymous: {},
    viewer: { cookie: cookies.viewer },
    operator: { cookie: cookies.operator },
    admin: { cookie: cookies.admin },
    banned: { cookie: bannedCookie },
    agent: { agentToken: token },
  };
  return {
    credentials,
    users,
    async freshCookie(principal) {
      const user = principal in PRINCIPAL_ROLES ? users[principal as keyof typeof PRINCIPAL_ROLES] : null;
      return user ? newSessionCookie(user.id) : credentials[principal].cookie;
    },
  };
}

/**
 * The request headers a principal sends. The agent puts its token everywhere a credential could
 * go: as a bearer token and in the session cookie's place.
 */
export function credentialHeaders(credentials: Credentials): Record<string, string> {
  if (credentials.agentToken) {
    return {
      authorization: `Bearer ${credentials.agentToken}`,
      cookie: `casebook.session_token=${credentials.agentToken}`,
    };
  }
  return credentials.cookie ? { cookie: credentials.cookie } : {};
}
