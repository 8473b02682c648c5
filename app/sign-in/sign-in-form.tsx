"use client";
// Posts to better-auth's HTTP endpoint (not a server action) so its rate limit and origin check
// apply to every attempt.
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "./sign-in-error";

export function SignInForm({ next, notice }: { next: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        // A full navigation, so the next page renders with the new session cookie.
        window.location.assign(next);
        return;
      }
      const body: unknown = await res.json().catch(() => null);
      setError(signInErrorMessage(res.status, body, res.headers.get("x-retry-after")));
    } catch {
      setError("Could not reach the Casebook server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form className="auth-form" method="post" onSubmit={onSubmit}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
