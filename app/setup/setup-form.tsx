"use client";
import { useActionState } from "react";
import { setupAction, type SetupState } from "./actions";

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, null);
  return (
    <form className="auth-form" action={action}>
      <input type="hidden" name="token" value={token} />
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={100} defaultValue={state?.name} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state?.email} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <label>
        Confirm password
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      {state?.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
