"use client";
import { useActionState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUserAction, setBannedAction, setEditorAction, setRoleAction, type UserActionState } from "./actions";
import { FormOutcome } from "./form-outcome";

// Buttons in the table are secondary (the page has no one main action per row) and Ban is the
// danger style; only "Create user" is primary.
export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserActionState, FormData>(createUserAction, null);
  return (
    <form className="create-user-form" action={action}>
      <label>
        Name
        <input name="name" required maxLength={100} />
      </label>
      <label>
        Email
        <input name="email" type="email" required autoComplete="off" />
      </label>
      <label>
        Initial password
        <input name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="viewer">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <div className="run-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </button>
        <FormOutcome state={state} />
      </div>
    </form>
  );
}

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [state, action, pending] = useActionState<UserActionState, FormData>(setRoleAction, null);
  return (
    <form className="role-form" action={action}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role for ${email}`}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={pending} aria-label={`Change role of ${email}`}>
        Change
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function BanForm({ userId, email, banned }: { userId: string; email: string; banned: boolean }) {
  const [state, action, pending] = useActionState<UserActionState, FormData>(setBannedAction, null);
  return (
    <form className="ban-form" action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="banned" value={banned ? "false" : "true"} />
      <button
        type="submit"
        className={banned ? "button button-small" : "button button-small button-danger"}
        disabled={pending}
        aria-label={`${banned ? "Unban" : "Ban"} ${email}`}
      >
        {banned ? "Unban" : "Ban"}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

/** The editor permission (review and publish drafts) for an operator; admins always hold it. */
export function EditorForm({ userId, email, editor }: { userId: string; email: string; editor: boolean }) {
  const [state, action, pending] = useActionState<UserActionState, FormData>(setEditorAction, null);
  return (
    <form className="editor-form" action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="editor" value={editor ? "false" : "true"} />
      <button
        type="submit"
        className="button button-small"
        disabled={pending}
        aria-pressed={editor}
        aria-label={`${editor ? "Revoke" : "Grant"} the editor permission for ${email}`}
      >
        {editor ? "Revoke editor" : "Make editor"}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
