"use client";
// Copies the text of the code block it sits in. It reads the DOM at click time, so the server can
// render highlighted code without shipping a second copy of the text.
import { useRef, useState } from "react";
import { CheckIcon, CopyIcon } from "./icons";

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain-HTTP origins other than localhost have no Clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

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
    <button ref={ref} type="button" className="copy-button" onClick={copy} aria-label={label} title={label} data-state={state}>
      {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      <span className="copy-button-text" aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : "Copy"}
      </span>
    </button>
  );
}
