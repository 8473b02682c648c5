"use client";
// xterm.js touches `window` when it loads, so the pane is imported on the client only.
import dynamic from "next/dynamic";
import type { XtermPaneProps } from "./xterm-pane";

const XtermPane = dynamic(() => import("./xterm-pane"), {
  ssr: false,
  loading: () => (
    <div className="terminal-pane">
      <div className="terminal-box terminal-loading">Loading terminal…</div>
    </div>
  ),
});

export function StepTerminal(props: XtermPaneProps) {
  return <XtermPane {...props} />;
}
