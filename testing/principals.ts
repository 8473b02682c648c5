// The matrix's principals as real credentials, in-process: users with a password account and
// sessions from better-auth's own session store (testing/signed-in newSessionCookie), an admin banned
// through the app's own user admin (better-auth ends their sessions; they keep the cookie), and a
// host whose agent token was revoked. Import after DATABASE_URL points at the test's temp database.
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { PRINCIPAL_ROLES, type Principal } from "./authorisation";
import { newSessionCookie, TEST_PASSWORD } from "./signed-in";

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

/** Creates the principals; `tag` keeps their emails and host name apart from others in the database. */
export async function createPrincipals(tag = "matrix"): Promise<Principals> {
  const { db } = await import("@/lib/db/client");
  const { hashPassword } = await import("better-auth/crypto");
  // Hashed once for them all: each hash costs a third of a second on a busy machine.
  const password = await hashPassword(TEST_PASSWORD);
  /** A user as better-auth's createUser makes one: the row and a credential account. */
  async function user(role: Role, who: string): Promise<SessionUser> {
    const id = `${who}-${tag}`;
    const row = { id, email: `${id}@example.com`, name: `${who} ${tag}`, role };
    await db.user.create({ data: row });
    await db.account.create({
      data: { id: `${id}-credential`, accountId: id, providerId: "credential", userId: id, password },
    });
    return row;
  }

  const users = {} as Principals["users"];
  const cookies: Record<string, string> = {};
  for (const [principal, role] of Object.entries(PRINCIPAL_ROLES) as [keyof typeof PRINCIPAL_ROLES, Role][]) {
    users[principal] = await user(role, principal);
    cookies[principal] = await newSessionCookie(users[principal].id);
  }
  users.banned = await user("admin", "banned");
  const bannedCookie = await newSessionCookie(users.banned.id);
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
