"use client";
// The sign-in section of /admin/users: which ways in this Casebook offers, and the password switch.
import { useActionState } from "react";
import { setPasswordSignInAction, type UserActionState } from "./actions";
import { FormOutcome } from "./form-outcome";

export interface SignInSettingsProps {
  /** The SSO button's name, or null when single sign-on is not configured. */
  sso: { name: string; issuer: string } | null;
  passwordOn: boolean;
  /** Why password sign-in cannot be turned off now, if it cannot. */
  cannotTurnOff: string | null;
}

export function SignInSettings({ sso, passwordOn, cannotTurnOff }: SignInSettingsProps) {
  const [state, action, pending] = useActionState<UserActionState, FormData>(setPasswordSignInAction, null);
  const locked = passwordOn && cannotTurnOff !== null;
  return (
    <div className="sign-in-settings">
      <dl className="sign-in-methods">
        <dt>Single sign-on</dt>
        <dd>
          {sso ? (
            <>
              On: <strong>{sso.name}</strong> <span className="muted users-email">({sso.issuer})</span>
            </>
          ) : (
            <span className="muted">Not configured (CASEBOOK_OIDC_* settings, see the SSO guide)</span>
          )}
        </dd>
        <dt>Password sign-in</dt>
        <dd>
          <span className={passwordOn ? "badge status active" : "badge status banned"}>
            {passwordOn ? "On" : "Off"}
          </span>
        </dd>
      </dl>
      <form action={action} className="run-actions">
        <input type="hidden" name="on" value={passwordOn ? "false" : "true"} />
        <button
          type="submit"
          className={passwordOn ? "button button-danger" : "button"}
          disabled={pending || locked}
          aria-describedby={locked ? "password-sign-in-locked" : undefined}
        >
          {passwordOn ? "Turn password sign-in off" : "Turn password sign-in on"}
        </button>
        <FormOutcome state={state} />
      </form>
      {locked && (
        <p className="hint" id="password-sign-in-locked">
          {cannotTurnOff}
        </p>
      )}
    </div>
  );
}
