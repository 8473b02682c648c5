"use client";
// Copies the text of the code block it sits in. It reads the DOM at click time, so the server can
// render highlighted code without shipping a second copy of the text. A step's command, while a run
// of its playbook is active, is copied with the run's values in place of $NAME (secrets stay).
import { useRef, useState } from "react";
import { writeClipboard } from "./clipboard";
import { CheckIcon, CopyIcon } from "./icons";
import { usePlaybookRun } from "./runs/playbook-run-context";
import { filledStepCode } from "./runs/run-environment";

const COPY_TEXT = { idle: "Copy", copied: "Copied", filled: "Copied with run values", failed: "Press Ctrl+C" };

export function CopyButton({ label = "Copy code" }: { label?: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const ctx = usePlaybookRun();
  const [state, setState] = useState<"idle" | "copied" | "filled" | "failed">("idle");

  async function copy() {
    const root = ref.current?.closest("[data-copy-root]");
    const source = root?.querySelector("[data-copy-source]") ?? root?.querySelector("pre");
    const stepId = root?.closest<HTMLElement>("[data-step-id]")?.dataset.stepId;
    const filled = ctx && stepId ? filledStepCode(ctx, stepId) : null;
    try {
      await writeClipboard(filled ?? source?.textContent ?? "");
      setState(filled === null ? "copied" : "filled");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 1600);
  }

  return (
    <button
      ref={ref}
      type="button"
      className="copy-button"
      onClick={copy}
      aria-label={label}
      title={label}
      data-state={state === "filled" ? "copied" : state}
    >
      {state === "copied" || state === "filled" ? <CheckIcon /> : <CopyIcon />}
      <span className="copy-button-text" aria-live="polite">
        {COPY_TEXT[state]}
      </span>
    </button>
  );
}
