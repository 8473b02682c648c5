"use client";
// Admin forms on the Hosts pages: add a host (its token is shown here once), revoke one, and set
// who may use it.
import { useActionState, useState } from "react";
import type { Role } from "@/lib/auth/roles";
import { CheckIcon, CopyIcon } from "@/components/icons";
import { writeClipboard } from "@/components/clipboard";
import {
  addHostAction,
  revokeHostAction,
  setHostAccessAction,
  type AddHostState,
  type HostAccessState,
  type RevokeHostState,
} from "./actions";

function CopyText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button-small"
      onClick={async () => {
        await writeClipboard(text);
        setCopied(true);
        window.setTimeout(() => setCopied(false), 1600);
      }}
    >
      {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      {copied ? "Copied" : label}
    </button>
  );
}

export function AddHostForm() {
  const [state, action, pending] = useActionState<AddHostState, FormData>(addHostAction, null);
  return (
    <>
      <form className="host-form" action={action}>
        <label className="run-field">
          Host name
          <input
            name="name"
            required
            maxLength={63}
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]*"
            placeholder="web-1"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Adding…" : "Add host"}
          </button>
        </div>
      </form>
      {state && !state.ok ? (
        <p className="error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <div className="token-reveal" role="status" aria-label={`Token for ${state.name}`}>
          <p>
            <strong>Added {state.name}.</strong> Copy its token now: it is shown only once and stored only as a hash.
          </p>
          <pre data-token>{state.token}</pre>
          <p>Start the agent on that host from a Casebook checkout (see docs/agent.md for a systemd service):</p>
          <pre data-command>{state.command}</pre>
          <div className="run-actions">
            <CopyText text={state.token} label="Copy token" />
            <CopyText text={state.command} label="Copy command" />
          </div>
        </div>
      ) : null}
    </>
  );
}

export function RevokeHostButton({ hostId, name }: { hostId: string; name: string }) {
  const [state, action, pending] = useActionState<RevokeHostState, FormData>(revokeHostAction, null);
  const [asking, setAsking] = useState(false);
  if (state?.ok) return <span className="muted">{state.message}</span>;
  return (
    <form action={action} className="revoke-form">
      <input type="hidden" name="hostId" value={hostId} />
      {asking ? (
        <span className="run-actions">
          <button type="submit" className="button button-small button-danger-solid" disabled={pending}>
            {pending ? "Revoking…" : `Revoke ${name}`}
          </button>
          <button type="button" className="button button-small" onClick={() => setAsking(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => setAsking(true)}
          aria-label={`Revoke ${name}`}
        >
          Revoke
        </button>
      )}
      {state && !state.ok ? (
        <span className="error" role="alert">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

const MIN_ROLE_LABELS: Record<Role, string> = {
  viewer: "Anyone signed in",
  operator: "Operators and admins",
  admin: "Admins only",
};

/** The host's access list as an admin edits it: a minimum role and, optionally, named users. */
export function HostAccessForm(props: { hostId: string; name: string; minRole: Role; emails: string[] | null }) {
  const [state, action, pending] = useActionState<HostAccessState, FormData>(setHostAccessAction, null);
  // Controlled, so a refused list stays in the form to be corrected (React resets uncontrolled fields).
  const [minRole, setMinRole] = useState<Role>(props.minRole);
  const [users, setUsers] = useState((props.emails ?? []).join("\n"));
  return (
    <form className="run-form" action={action} aria-label={`Who may use ${props.name}`}>
      <input type="hidden" name="hostId" value={props.hostId} />
      <div className="run-field">
        <label htmlFor="access-min-role">Minimum role</label>
        <select
          id="access-min-role"
          name="minRole"
          value={minRole}
          onChange={(e) => setMinRole(e.target.value as Role)}
        >
          {(Object.keys(MIN_ROLE_LABELS) as Role[]).map((role) => (
            <option key={role} value={role}>
              {MIN_ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="run-field">
        <label htmlFor="access-users">Only these users</label>
        <textarea
          id="access-users"
          name="users"
          rows={3}
          value={users}
          onChange={(e) => setUsers(e.target.value)}
          placeholder="alice@example.com, bob@example.com"
          spellCheck={false}
          aria-describedby="access-users-note"
        />
        <p id="access-users-note" className="run-field-note">
          Email addresses, separated by commas or lines. Empty: everyone with the role above. A listed user also needs
          that role. Admins may always use the host.
        </p>
      </div>
      <div className="run-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save access"}
        </button>
        {state ? (
          <span className={state.ok ? "muted" : "error"} role={state.ok ? "status" : "alert"}>
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
