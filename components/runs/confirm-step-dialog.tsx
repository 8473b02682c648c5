"use client";
// Asks before a step that changes the host runs; for a danger step the user types its id. It shows
// the exact command the hub will send and the variables it will get (secrets masked).
import { useEffect, useRef, useState } from "react";
import type { Risk } from "@/lib/playbooks/types";
import { AlertIcon, PencilIcon } from "@/components/icons";
import type { ShownVariable } from "./run-environment";
import { VariableChips } from "./variable-chips";

export interface ConfirmStepDialogProps {
  stepId: string;
  title: string;
  risk: Exclude<Risk, "read">;
  hostName: string | null;
  command: string;
  variables: ShownVariable[];
  onConfirm: (typedStepId?: string) => void;
  onClose: () => void;
}

export function ConfirmStepDialog(props: ConfirmStepDialogProps) {
  const { stepId, title, risk, hostName, command, variables, onConfirm, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const danger = risk === "danger";
  const ready = !danger || typed === stepId;
  const where = hostName ? <strong>{hostName}</strong> : "the run's host";
  return (
    <dialog
      ref={ref}
      className={`confirm-dialog confirm-${risk}`}
      onClose={onClose}
      aria-labelledby={`confirm-${stepId}-title`}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          onConfirm(danger ? typed : undefined);
        }}
      >
        <h2 id={`confirm-${stepId}-title`} className="confirm-title">
          {danger ? <AlertIcon /> : <PencilIcon />}
          {danger ? "Run a dangerous step?" : "Run a step that changes the host?"}
        </h2>
        <p>
          <strong>{title}</strong> will run on {where}.{" "}
          {danger
            ? "It can destroy data or take the host down, and it cannot be undone from here."
            : "It modifies the host."}
        </p>
        <p className="confirm-label" id={`confirm-${stepId}-command`}>
          The command, exactly as it will run:
        </p>
        <pre className="confirm-command" aria-labelledby={`confirm-${stepId}-command`}>
          <code>{command}</code>
        </pre>
        {variables.length > 0 ? (
          <>
            <p className="confirm-label">With these variables:</p>
            <VariableChips variables={variables} label="Variables the step runs with" />
          </>
        ) : null}
        {danger ? (
          <label className="confirm-type">
            Type <code>{stepId}</code> to confirm
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoFocus
              autoComplete="off"
              spellCheck={false}
            />
          </label>
        ) : null}
        <div className="confirm-actions">
          <button type="button" className="button" onClick={onClose} autoFocus={!danger}>
            Cancel
          </button>
          <button
            type="submit"
            className={danger ? "button button-danger-solid" : "button button-primary"}
            disabled={!ready}
          >
            Run step
          </button>
        </div>
      </form>
    </dialog>
  );
}
