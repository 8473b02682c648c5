// Whether people may sign in with a password, next to single sign-on. An admin turns it off on
// /admin/users (SignInSetting); it counts only while SSO is configured, so removing the SSO settings,
// or CASEBOOK_PASSWORD_SIGN_IN=on, always brings password sign-in back (docs/sso.md, "Recovery").
import "server-only";
import { db } from "@/lib/db/client";
import { withAudit } from "@/lib/runs/audit";
import type { SessionUser } from "./request-user";
import { passwordSignInForcedOn, ssoConfig, SSO_PROVIDER_ID } from "./sso-config";

const ROW = "sign-in";

export interface PasswordSignInState {
  /** Whether /api/auth/sign-in/email accepts passwords now. */
  on: boolean;
  /** What the admin set (true when never set). */
  setting: boolean;
  /** Why the setting cannot be turned off now, if it cannot. */
  cannotTurnOff: string | null;
}

async function storedSetting(): Promise<boolean> {
  const row = await db.signInSetting.findUnique({ where: { id: ROW }, select: { passwordSignIn: true } });
  return row?.passwordSignIn ?? true;
}

/** Admins who could sign in by SSO today: they have signed in with it before and are not banned. */
async function ssoAdmins(): Promise<number> {
  return db.user.count({
    where: {
      role: "admin",
      OR: [{ banned: null }, { banned: false }],
      accounts: { some: { providerId: SSO_PROVIDER_ID } },
    },
  });
}

/** Why turning password sign-in off would lock people out, or null when it is safe. */
async function lockOutReason(): Promise<string | null> {
  if (!ssoConfig()) return "Single sign-on is not configured, so passwords are the only way in.";
  if (passwordSignInForcedOn()) return "CASEBOOK_PASSWORD_SIGN_IN=on keeps password sign-in on.";
  if ((await ssoAdmins()) === 0) {
    return "No admin has signed in with single sign-on yet: one must, so that someone can still manage Casebook.";
  }
  return null;
}

export async function passwordSignInState(): Promise<PasswordSignInState> {
  const setting = await storedSetting();
  const on = setting || !ssoConfig() || passwordSignInForcedOn();
  return { on, setting, cannotTurnOff: await lockOutReason() };
}

/** Whether a password sign-in may go ahead now (the sign-in hook asks on every attempt). */
export async function passwordSignInAllowed(): Promise<boolean> {
  if (!ssoConfig() || passwordSignInForcedOn()) return true;
  return storedSetting();
}

export type SetPasswordSignInResult = { ok: boolean; message: string };

/** The admin's switch; refuses to turn it off while that would leave nobody able to sign in. */
export async function setPasswordSignIn(actor: SessionUser, on: boolean): Promise<SetPasswordSignInResult> {
  if (!on) {
    const reason = await lockOutReason();
    if (reason) return { ok: false, message: `Password sign-in stays on. ${reason}` };
  }
  await withAudit(
    (tx) =>
      tx.signInSetting.upsert({
        where: { id: ROW },
        create: { id: ROW, passwordSignIn: on, updatedById: actor.id },
        update: { passwordSignIn: on, updatedById: actor.id },
      }),
    () => ({ action: "auth.password-sign-in", userId: actor.id, detail: JSON.stringify({ on }) }),
  );
  return {
    ok: true,
    message: on ? "Password sign-in is on." : "Password sign-in is off: people sign in with single sign-on.",
  };
}
