// API tokens (issue 11, item 1): a user makes named tokens capped at a role up to their own, with an
// optional lifetime, and revokes them; an admin may revoke anyone's. better-auth's API-key plugin
// generates and hashes them (only the hash is stored, the token is shown once); this module holds
// Casebook's rules around it and writes the audit trail. Requests are resolved in ./bearer.ts.
import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/runs/audit";
import { auth } from "./auth";
import type { SessionUser } from "./request-user";
import { hasRole, type Role } from "./roles";
import { capsFor, tokenCap } from "./token-cap";
import { bumpUser } from "./user-epoch";

export interface NewToken {
  name: string;
  cap: Role;
  /** Unset: the token does not expire. */
  expiresInSeconds?: number;
}

/** A token as its list shows it: never the token, only its first characters. */
export interface TokenView {
  id: string;
  name: string;
  start: string | null;
  cap: Role;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revoked: boolean;
  /** Past its expiry (the plugin removes an expired token when it is next presented). */
  expired: boolean;
  owner: { id: string; name: string; email: string };
}

export type TokenResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Makes a token for `owner`; the token itself is in the answer and nowhere else, ever. */
export async function createToken(
  owner: Pick<SessionUser, "id" | "role">,
  input: NewToken,
): Promise<TokenResult<{ id: string; token: string }>> {
  if (!capsFor(owner.role).includes(input.cap)) {
    return { ok: false, message: `A token cannot have more than your own role (${owner.role}).` };
  }
  const created = await auth.api.createApiKey({
    body: {
      userId: owner.id,
      name: input.name,
      expiresIn: input.expiresInSeconds,
      metadata: { cap: input.cap },
    },
  });
  await recordAudit({
    action: "token.create",
    userId: owner.id,
    detail: JSON.stringify({
      token: created.id,
      name: input.name,
      cap: input.cap,
      expiresAt: created.expiresAt ?? null,
    }),
  });
  return { ok: true, value: { id: created.id, token: created.key } };
}

/** The user's own tokens, or with `everyone` (admins only, checked by the caller) all of them. */
export async function listTokens(userId: string, everyone = false): Promise<TokenView[]> {
  const rows = await db.apikey.findMany({
    where: everyone ? {} : { referenceId: userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      start: true,
      metadata: true,
      createdAt: true,
      expiresAt: true,
      lastRequest: true,
      enabled: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    name: row.name ?? "",
    start: row.start,
    cap: tokenCap(row.metadata),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastRequest,
    revoked: row.enabled === false,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now,
    owner: row.user,
  }));
}

/**
 * Revokes a token: disabled, not deleted, so a later use is told "revoked" and the list keeps it.
 * Its owner may, and an admin may revoke anyone's.
 */
export async function revokeToken(actor: SessionUser, tokenId: string): Promise<TokenResult<undefined>> {
  const row = await db.apikey.findUnique({ where: { id: tokenId }, select: { referenceId: true, name: true } });
  if (!row || (row.referenceId !== actor.id && !hasRole(actor, "admin"))) {
    return { ok: false, message: "There is no such token." };
  }
  await auth.api.updateApiKey({ body: { keyId: tokenId, userId: row.referenceId, enabled: false } });
  // The hub's open sockets re-check their user on a bump: one that came in with this token ends.
  bumpUser(row.referenceId);
  await recordAudit({
    action: "token.revoke",
    userId: actor.id,
    detail: JSON.stringify({ token: tokenId, name: row.name, owner: row.referenceId }),
  });
  return { ok: true, value: undefined };
}
