/** What to tell someone whose sign-in request failed, from the auth API's answer. */
export function signInErrorMessage(status: number, body: unknown, retryAfterSeconds: string | null): string {
  const message =
    typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
      ? body.message
      : "";
  if (status === 401) return "Wrong email or password.";
  if (status === 429) {
    const seconds = Number(retryAfterSeconds);
    const wait =
      Number.isFinite(seconds) && seconds > 0 ? `in ${seconds} second${seconds === 1 ? "" : "s"}` : "in a minute";
    return `Too many sign-in attempts. Try again ${wait}.`;
  }
  if (status === 403 && message) return message;
  if (status === 400 && message) return `${message}.`.replace(/\.\.$/, ".");
  return `Sign-in failed (HTTP ${status})${message ? `: ${message}` : ""}. Try again, or ask an admin.`;
}
