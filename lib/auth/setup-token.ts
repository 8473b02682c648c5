import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";

/** Verification-table identifier for first-admin setup tokens (better-auth uses its own identifiers). */
const SETUP_TOKEN_IDENTIFIER = "casebook:setup-token";
const SETUP_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}

/**
 * On a start with no users: make a one-time token, keep only its hash, and tell the person at the
 * console how to create the first admin. Returns the token (null when users already exist).
 * Earlier unexpired tokens stay valid, so several instances starting together do not undo
 * each other's announcements.
 */
export async function ensureSetupToken(baseUrl: string): Promise<string | null> {
  if (await hasAnyUser()) return null;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.verification.deleteMany({ where: { identifier: SETUP_TOKEN_IDENTIFIER, expiresAt: { lte: now } } });
  await db.verification.create({
    data: {
      id: randomUUID(),
      identifier: SETUP_TOKEN_IDENTIFIER,
      value: hashToken(token),
      expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
    },
  });
  const base = baseUrl.replace(/\/+$/, "");
  log.warn(
    `No users yet. Create the first admin at ${base}/setup (from this machine), ` +
      `or elsewhere with ${base}/setup?token=${token}`,
  );
  return token;
}

export async function isValidSetupToken(token: string | null | undefined): Promise<boolean> {
  if (!token) return false;
  const row = await db.verification.findFirst({
    where: { identifier: SETUP_TOKEN_IDENTIFIER, value: hashToken(token), expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return row !== null;
}

/** Once the first admin exists no setup token may be used again, so all of them go. */
export async function consumeSetupTokens(): Promise<void> {
  await db.verification.deleteMany({ where: { identifier: SETUP_TOKEN_IDENTIFIER } });
}
