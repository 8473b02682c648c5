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
