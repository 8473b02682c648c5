"use client";
// The review page's forms. Each posts to a server action (app/drafts/[id]/actions.ts), which checks
// everything again: a button shown here is a convenience, never the permission.
import { useActionState } from "react";
import {
  approveDraftAction,
  deleteDraftAction,
  publishDraftAction,
  rejectDraftAction,
  updateDraftAction,
  type DraftActionState,
} from "@/app/drafts/[id]/actions";
import styles from "./drafts.module.css";

function Outcome({ state }: { state: DraftActionState }) {
  if (!state) return null;
  return state.ok ? (
    <p className="notice" role="status">
      {state.message}
    </p>
  ) : (
    <p className={styles.refusal} role="alert">
      {state.message}
    </p>
  );
}

type Action = (prev: DraftActionState, form: FormData) => Promise<DraftActionState>;

function useDraftAction(action: Action) {
  return useActionState<DraftActionState, FormData>(action, null);
}

export function PublishForm({ draftId, refusal }: { draftId: string; refusal: string | null }) {
  const [state, action, pending] = useDraftAction(publishDraftAction);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="draftId" value={draftId} />
      {refusal ? <p className={styles.refusal}>{refusal}</p> : null}
      <button type="submit" className="button button-primary" disabled={pending || refusal !== null}>
        {pending ? "Publishing…" : "Publish"}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function ApproveForm({ draftId }: { draftId: string }) {
  const [state, action, pending] = useDraftAction(approveDraftAction);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="draftId" value={draftId} />
      <label className={styles.label}>
        Note for the author (optional)
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      <button type="submit" className="button" disabled={pending}>
        Approve this version
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function RejectForm({ draftId }: { draftId: string }) {
  const [state, action, pending] = useDraftAction(rejectDraftAction);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="draftId" value={draftId} />
      <label className={styles.label}>
        Why it is rejected
        <textarea name="reason" rows={2} maxLength={2000} required />
      </label>
      <button type="submit" className="button" disabled={pending}>
        Reject
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function DeleteForm({ draftId }: { draftId: string }) {
  const [state, action, pending] = useDraftAction(deleteDraftAction);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="draftId" value={draftId} />
      <button type="submit" className="button" disabled={pending}>
        Delete draft
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function EditForm({ draftId, mdx, version }: { draftId: string; mdx: string; version: string }) {
  const [state, action, pending] = useDraftAction(updateDraftAction);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="from" value={version} />
      <label className={styles.label}>
        MDX
        <textarea name="mdx" rows={18} defaultValue={mdx} className={styles.source} spellCheck={false} />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save the draft"}
      </button>
      <Outcome state={state} />
    </form>
  );
}
