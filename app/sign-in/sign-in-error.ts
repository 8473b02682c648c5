import { SIGN_IN_LIMITED } from "@/lib/auth/sign-in-limit-code";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** How long to wait, from X-Retry-After (seconds): seconds under a minute, whole minutes (rounded up) above. */
function waitFor(retryAfterSeconds: string | null): string {
  const seconds = Number(retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return "in a minute";
  return seconds < 60 ? `in ${plural(seconds, "second")}` : `in ${plural(Math.ceil(seconds / 60), "minute")}`;
}

/** What to tell someone whose sign-in request failed, from the auth API's answer. */
export function signInErrorMessage(status: number, body: unknown, retryAfterSeconds: string | null): string {
  const message =
    typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
      ? body.message
      : "";
  if (status === 401) return "Wrong email or password.";
  if (status === 429) {
    // The sign-in limit says whether the account or the address is locked; better-auth's own flood
    // ceiling gives only a generic message.
    const limited = typeof body === "object" && body !== null && "code" in body && body.code === SIGN_IN_LIMITED;
    const reason = limited && message ? message : "Too many sign-in attempts.";
    return `${reason} Try again ${waitFor(retryAfterSeconds)}.`;
  }
  if (status === 403 && message) return message;
  if (status === 400 && message) return `${message}.`.replace(/\.\.$/, ".");
  return `Sign-in failed (HTTP ${status})${message ? `: ${message}` : ""}. Try again, or ask an admin.`;
}

/**
 * What to tell someone single sign-on sent back with `?error=<code>`. Only known codes get their
 * own words; the text is never taken from the URL, which anyone can write.
 */
export function ssoErrorMessage(code: string, provider: string): string {
  const ask = "Ask an admin of this Casebook if you should have access.";
  const messages: Record<string, string> = {
    sso_no_role: `${provider} does not put you in any group that has access to Casebook. ${ask}`,
    sso_not_provisioned: `There is no Casebook account for you yet: an admin must add your email first. ${ask}`,
    sso_email_not_verified: `${provider} has not verified your email address, so it cannot be matched to an account.`,
    account_not_linked: `${provider} has not verified your email address, so it cannot be matched to an account.`,
    BANNED_USER: "This account is disabled. Ask an admin to re-enable it.",
    access_denied: `Sign-in was cancelled at ${provider}.`,
  };
  const safe = code.replace(/[^\w-]/g, "").slice(0, 60);
  return messages[safe] ?? `Sign-in with ${provider} failed (${safe || "unknown error"}). Try again, or ask an admin.`;
}
