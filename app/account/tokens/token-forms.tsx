"use client";
import { useActionState } from "react";
import type { Role } from "@/lib/auth/roles";
import { TOKEN_LIFETIMES } from "@/lib/auth/token-input";
import { FormOutcome } from "@/app/admin/users/form-outcome";
import { createTokenAction, revokeTokenAction, type TokenActionState } from "./actions";

const LIFETIME_LABELS: Record<(typeof TOKEN_LIFETIMES)[number], string> = {
  "7": "in 7 days",
  "30": "in 30 days",
  "90": "in 90 days",
  "365": "in a year",
  "": "never",
};

/** The new token, shown this once: only its hash is stored, so nobody can show it again. */
function NewToken({ token }: { token: string }) {
  return (
    <div className="new-token" role="status">
      <p className="new-token-title">Copy the token now: it is not shown again.</p>
      <input
        className="new-token-value"
        readOnly
        value={token}
        aria-label="The new token"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="hint">
        Use it as <code>Authorization: Bearer …</code>, or <code>CASEBOOK_TOKEN=…</code> for the casebook CLI.
      </p>
    </div>
  );
}

export function CreateTokenForm({ caps }: { caps: Role[] }) {
  const [state, action, pending] = useActionState<TokenActionState, FormData>(createTokenAction, null);
  return (
    <>
      <form className="create-token-form" action={action}>
        <label>
          Name
          <input name="name" required maxLength={64} placeholder="CI deploys" autoComplete="off" />
        </label>
        <label>
          Acts as
          <select name="cap" defaultValue={caps[caps.length - 1]}>
            {caps.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires
          <select name="expiresInDays" defaultValue="90">
            {TOKEN_LIFETIMES.map((days) => (
              <option key={days} value={days}>
                {LIFETIME_LABELS[days]}
              </option>
            ))}
          </select>
        </label>
        <div className="run-actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </button>
          {state && !(state.ok && state.token) ? <FormOutcome state={state} /> : null}
        </div>
      </form>
      {state?.ok && state.token ? <NewToken token={state.token} /> : null}
    </>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<TokenActionState, FormData>(revokeTokenAction, null);
  return (
    <form className="revoke-token-form" action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        className="button button-small button-danger"
        disabled={pending}
        aria-label={`Revoke the token ${name}`}
      >
        Revoke
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
