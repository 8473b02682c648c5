// A real API token for tests, made by the app's own createToken (better-auth's API-key plugin: only
// its hash is stored). Import after DATABASE_URL points at the test's database. Send it as
// `authorization: Bearer <token>`.
import type { Role } from "@/lib/auth/roles";

/**
 * A token for an existing user, capped at `role` (default: the user's own role). The cap may not
 * exceed the user's role, as in the app. `expiresInSeconds` may be short, for expiry tests.
 */
export async function createTestToken(
  userId: string,
  opts: { role?: Role; expiresInSeconds?: number } = {},
): Promise<string> {
  const { db } = await import("@/lib/db/client");
  const { createToken } = await import("@/lib/auth/api-tokens");
  const { isRole } = await import("@/lib/auth/roles");
  const owner = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true } });
  const ownerRole = isRole(owner.role) ? owner.role : "viewer";
  const made = await createToken(
    { id: owner.id, role: ownerRole },
    { name: `test ${Date.now().toString(36)}`, cap: opts.role ?? ownerRole, expiresInSeconds: opts.expiresInSeconds },
  );
  if (!made.ok) throw new Error(`could not make a test token: ${made.message}`);
  return made.value.token;
}
