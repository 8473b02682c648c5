"use client";
// Copies the text of the code block it sits in. It reads the DOM at click time, so the server can
// render highlighted code without shipping a second copy of the text.
import { useRef, useState } from "react";
import { writeClipboard } from "./clipboard";
import { CheckIcon, CopyIcon } from "./icons";

export function CopyButton({ label = "Copy code" }: { label?: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const root = ref.current?.closest("[data-copy-root]");
    const source = root?.querySelector("[data-copy-source]") ?? root?.querySelector("pre");
    try {
      await writeClipboard(source?.textContent ?? "");
      setState("copied");
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
      data-state={state}
    >
      {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      <span className="copy-button-text" aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : "Copy"}
      </span>
    </button>
  );
}
