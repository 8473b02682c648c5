"use client";
import { useActionState } from "react";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/alerts/kinds";
import {
  createSourceAction,
  createTargetAction,
  deleteSourceAction,
  deleteTargetAction,
  setTriageAction,
  type AlertsActionState,
} from "./actions";

function Outcome({ state }: { state: AlertsActionState }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p className="alerts-outcome error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <div className="alerts-outcome" role="status">
      <p>{state.message}</p>
      {state.secret ? (
        <p>
          Its secret, shown only now: <code className="alerts-secret">{state.secret}</code>
        </p>
      ) : null}
    </div>
  );
}

export function CreateSourceForm() {
  const [state, action, pending] = useActionState<AlertsActionState, FormData>(createSourceAction, null);
  return (
    <form className="alerts-form" action={action}>
      <label>
        Kind
        <select name="kind" defaultValue="alertmanager">
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SOURCE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input name="name" required maxLength={100} placeholder="prometheus-prod" />
      </label>
      <label>
        Secret (PagerDuty only)
        <input name="secret" maxLength={500} autoComplete="off" aria-describedby="source-secret-hint" />
        <span id="source-secret-hint" className="hint">
          Paste the signing secret PagerDuty shows; for the others Casebook makes one.
        </span>
      </label>
      <div className="run-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : "Add source"}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function TriageForm(props: { sourceId: string; name: string; triage: boolean; hostLabel: string | null }) {
  const [state, action, pending] = useActionState<AlertsActionState, FormData>(setTriageAction, null);
  return (
    <form className="alerts-inline-form" action={action}>
      <input type="hidden" name="sourceId" value={props.sourceId} />
      <label className="alerts-check">
        <input
          type="checkbox"
          name="triage"
          value="true"
          defaultChecked={props.triage}
          aria-label={`Triage alerts from ${props.name}`}
        />
        Triage
      </label>
      <input
        name="hostLabel"
        defaultValue={props.hostLabel ?? ""}
        placeholder="host label, e.g. instance"
        aria-label={`Label naming the host, for ${props.name}`}
        maxLength={100}
      />
      <button
        type="submit"
        className="button button-small"
        disabled={pending}
        aria-label={`Save triage for ${props.name}`}
      >
        Save
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function DeleteButton({ kind, id, name }: { kind: "source" | "target"; id: string; name: string }) {
  const [state, action, pending] = useActionState<AlertsActionState, FormData>(
    kind === "source" ? deleteSourceAction : deleteTargetAction,
    null,
  );
  return (
    <form className="alerts-inline-form" action={action}>
      <input type="hidden" name={kind === "source" ? "sourceId" : "targetId"} value={id} />
      <button
        type="submit"
        className="button button-small button-danger"
        disabled={pending}
        aria-label={`Remove ${name}`}
      >
        Remove
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function CreateTargetForm() {
  const [state, action, pending] = useActionState<AlertsActionState, FormData>(createTargetAction, null);
  return (
    <form className="alerts-form" action={action}>
      <label>
        Kind
        <select name="kind" defaultValue="slack">
          <option value="slack">Slack-compatible incoming webhook</option>
          <option value="webhook">Outgoing webhook (signed JSON)</option>
        </select>
      </label>
      <label>
        Name
        <input name="name" required maxLength={100} placeholder="on-call channel" />
      </label>
      <label>
        URL
        <input name="url" type="url" required maxLength={2000} placeholder="https://hooks.slack.com/services/…" />
      </label>
      <div className="run-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : "Add target"}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}
