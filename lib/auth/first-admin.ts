import "server-only";
import { APIError } from "better-auth/api";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isLoopback } from "@/lib/http/remote-addr";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/runs/audit";
import { auth } from "./auth";
import { consumeSetupTokens, hasAnyUser, isValidSetupToken } from "./setup-token";
import { describeIssues, newAccountInput } from "./user-input";

/**
 * Where a setup request came from: the client address the custom server computed (the TCP peer, or what
 * a proxy named in TRUST_PROXY forwarded), and the token from the setup link if any.
 */
export interface SetupAccess {
  remoteAddr: string | null | undefined;
  token: string | null | undefined;
}

export type SetupVia = "loopback" | "token";

export interface FirstAdminInput {
  name: string;
  email: string;
  password: string;
}

export type FirstAdminResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "users-exist" | "not-allowed" | "busy" | "invalid"; message: string };

/** Setup is open to this machine, or to anyone holding the token printed at start. */
export async function setupAccess(access: SetupAccess): Promise<SetupVia | null> {
  if (isLoopback(access.remoteAddr)) return "loopback";
  if (await isValidSetupToken(access.token)) return "token";
  return null;
}

// A fixed primary key: only one setup can hold it, so racing submissions create one admin on
// SQLite and PostgreSQL alike. It expires so a crash mid-setup cannot block setup for ever.
export const SETUP_CLAIM_ID = "casebook:first-admin-claim";
const CLAIM_TTL_MS = 60_000;

async function claimSetup(): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db.verification.create({
        data: {
          id: SETUP_CLAIM_ID,
          identifier: SETUP_CLAIM_ID,
          value: "claimed",
          expiresAt: new Date(Date.now() + CLAIM_TTL_MS),
        },
      });
      return true;
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
      const stale = await db.verification.deleteMany({ where: { id: SETUP_CLAIM_ID, expiresAt: { lte: new Date() } } });
      if (stale.count === 0) return false;
    }
  }
  return false;
}

async function releaseSetup(): Promise<void> {
  await db.verification.deleteMany({ where: { id: SETUP_CLAIM_ID } });
}

const NOT_ALLOWED = "Setup is only possible from this machine, or with the setup link printed in the server console.";

/** Creates the first admin, once: refused when any user exists, and when access is not allowed. */
export async function createFirstAdmin(input: FirstAdminInput, access: SetupAccess): Promise<FirstAdminResult> {
  const parsed = newAccountInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", message: describeIssues(parsed.error) };
  const via = await setupAccess(access);
  if (!via) return { ok: false, reason: "not-allowed", message: NOT_ALLOWED };
  if (await hasAnyUser())
    return { ok: false, reason: "users-exist", message: "An admin already exists. Sign in instead." };
  if (!(await claimSetup())) {
    return {
      ok: false,
      reason: "busy",
      message: "Another first-admin setup is in progress. Reload the page in a moment.",
    };
  }
  try {
    // Checked again under the claim: a racer may have finished between the checks above and here.
    if (await hasAnyUser())
      return { ok: false, reason: "users-exist", message: "An admin already exists. Sign in instead." };
    if (via === "token" && !(await isValidSetupToken(access.token))) {
      return { ok: false, reason: "not-allowed", message: NOT_ALLOWED };
    }
    const { user } = await auth.api.createUser({
      body: { ...parsed.data, role: "admin" },
    });
    await consumeSetupTokens();
    await recordAudit({
      action: "user.create",
      userId: user.id,
      detail: JSON.stringify({ target: user.id, email: user.email, role: "admin", via: `setup:${via}` }),
    });
    log.info({ userId: user.id, via }, "first admin created");
    return { ok: true, userId: user.id };
  } catch (err) {
    if (err instanceof APIError) {
      return { ok: false, reason: "invalid", message: err.body?.message ?? err.message };
    }
    throw err;
  } finally {
    await releaseSetup();
  }
}
