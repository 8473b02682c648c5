// Who an `Authorization: Bearer <token>` request acts as: the token's owner, with the lower of the
// owner's current role and the token's cap (./token-cap.ts). better-auth's API-key plugin checks the
// token (hash lookup, revoked, expired) and records its last use; this adds the owner's ban and the
// cap, and audits the use.
import "server-only";
import { API_KEY_ERROR_CODES } from "@better-auth/api-key";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/runs/audit";
import { API_TOKEN_PREFIX } from "./api-token-options";
import { auth } from "./auth";
import type { SessionUser } from "./request-user";
import { isRole } from "./roles";
import { lowerRole, tokenCap } from "./token-cap";

export type BearerResult = { user: SessionUser } | { refused: string };

export const TOKEN_REFUSALS = {
  invalid: "This API token is not valid: it was never issued, or it expired and was removed.",
  revoked: "This API token was revoked.",
  expired: "This API token has expired.",
  banned: "This API token's owner is disabled.",
} as const;

/** Why the plugin refused a token, in words for the caller. */
function refusal(code: string | undefined): string {
  if (code === API_KEY_ERROR_CODES.KEY_DISABLED.code) return TOKEN_REFUSALS.revoked;
  if (code === API_KEY_ERROR_CODES.KEY_EXPIRED.code) return TOKEN_REFUSALS.expired;
  return TOKEN_REFUSALS.invalid;
}

export async function userFromBearer(token: string, what?: string): Promise<BearerResult> {
  // Not one of ours (an agent's token, a typo): refused without a database read.
  if (!token.startsWith(API_TOKEN_PREFIX)) return { refused: TOKEN_REFUSALS.invalid };
  const verified = await auth.api.verifyApiKey({ body: { key: token } });
  if (!verified.valid || !verified.key) return { refused: refusal(verified.error?.code) };
  const key = verified.key;
  const owner = await db.user.findUnique({
    where: { id: key.referenceId },
    select: { id: true, name: true, email: true, role: true, banned: true, banExpires: true },
  });
  if (!owner) return { refused: TOKEN_REFUSALS.invalid };
  // better-auth lifts a ban whose time has passed; until then the owner's tokens are refused too.
  if (owner.banned && (!owner.banExpires || owner.banExpires.getTime() > Date.now())) {
    return { refused: TOKEN_REFUSALS.banned };
  }
  const ownerRole = isRole(owner.role) ? owner.role : "viewer";
  const user: SessionUser = {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    role: lowerRole(ownerRole, tokenCap(key.metadata)),
  };
  await auditUse(key.id, key.name, user, what);
  return { user };
}

/** When each token's use was last audited, in this process (a minute's uses share one event). */
const lastAudited = new Map<string, number>();
const AUDIT_EVERY_MS = 60_000;
/** Bounds the memo; past it, it starts over (a token then gets one extra event). */
const MAX_REMEMBERED = 10_000;

/**
 * The first use of a token in each minute is an audit event (with the request it was used for):
 * enough to say when and by whom a token was used without an append on every poll of a run. The
 * token's exact last use is the plugin's `lastRequest`. With several instances, each audits its own.
 */
async function auditUse(tokenId: string, name: string | null, user: SessionUser, what?: string): Promise<void> {
  const now = Date.now();
  const last = lastAudited.get(tokenId);
  if (last !== undefined && now - last < AUDIT_EVERY_MS) return;
  if (lastAudited.size >= MAX_REMEMBERED) lastAudited.clear();
  lastAudited.set(tokenId, now);
  try {
    await recordAudit({
      action: "token.use",
      userId: user.id,
      detail: JSON.stringify({ token: tokenId, name, role: user.role, request: what ?? null }),
    });
  } catch (err) {
    // As for sign-ins: an audit hiccup must not lock scripts out; the log still says who it was.
    log.error({ err, tokenId, userId: user.id }, "could not write the token-use audit event");
  }
}
