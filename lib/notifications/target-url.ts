// Where a notification may go: an http(s) URL an admin configured, nothing else (no file:, no
// javascript:, no credentials in the URL, which the delivery log would show). Client-safe.
export function checkTargetUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "is not a URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "must be an http(s) URL" };
  if (url.username || url.password) return { ok: false, reason: "must not carry a user name or password" };
  return { ok: true, url: url.toString() };
}
