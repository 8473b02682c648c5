"use client";
// Starts single sign-on through better-auth's HTTP endpoint (so its origin check and rate limit
// apply), then leaves for the identity provider. It comes back to `next`, or to /sign-in?error=….
import { useState } from "react";

/** `primary`: the page's main action (when there is no password form to share the page with). */
export function SsoSignIn({ name, next, primary }: { name: string; next: string; primary: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/social", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider: "oidc", callbackURL: next, errorCallbackURL: "/sign-in" }),
      });
      const body = (await res.json().catch(() => null)) as { url?: unknown; message?: unknown } | null;
      if (res.ok && typeof body?.url === "string") {
        window.location.assign(body.url);
        return;
      }
      const reason = typeof body?.message === "string" ? `: ${body.message}` : "";
      setError(`Could not start single sign-on (HTTP ${res.status})${reason}. Try again, or ask an admin.`);
    } catch {
      setError("Could not reach the Casebook server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <div className="sso-sign-in">
      <button type="button" className={primary ? "button button-primary" : "button"} onClick={start} disabled={pending}>
        {pending ? "Redirecting…" : `Sign in with ${name}`}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
