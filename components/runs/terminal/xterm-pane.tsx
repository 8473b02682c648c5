"use client";
// The live terminal of one step run, with Find, Copy output and Cancel. Loaded on the client only
// (see step-terminal.tsx): xterm.js needs the DOM.
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import type { SearchAddon } from "@xterm/addon-search";
import type { Terminal } from "@xterm/xterm";
import { CheckIcon, CopyIcon, SearchIcon } from "@/components/icons";
import { writeClipboard } from "@/components/clipboard";
import { useUiConnection } from "../ui-socket-provider";
import { connectOutput } from "./connect-output";
import { createTerminal, SCROLLBACK_LINES } from "./create-terminal";
import { FindBox } from "./find-box";
import { terminalText } from "./terminal-text";

export interface XtermPaneProps {
  runId: string;
  stepRunId: string;
  /** What the output belongs to, for screen readers: "Output of Is podman installed?". */
  label: string;
  running: boolean;
  /** Shown while the step runs, for users allowed to cancel it. */
  onCancel?: () => void;
  cancelling?: boolean;
}

export default function XtermPane({ runId, stepRunId, label, running, onCancel, cancelling }: XtermPaneProps) {
  const connection = useUiConnection();
  const socket = connection?.socket ?? null;
  const router = connection?.router ?? null;
  const boxRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const [finding, setFinding] = useState(false);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const [caughtUp, setCaughtUp] = useState(false);
  const liveRef = useRef(running);

  useEffect(() => {
    liveRef.current = running;
  }, [running]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !socket || !router) return;
    const terminal = createTerminal(box);
    termRef.current = terminal.term;
    searchRef.current = terminal.search;
    const disconnect = connectOutput({
      term: terminal.term,
      socket,
      router,
      runId,
      stepRunId,
      isLive: () => liveRef.current,
      onProblem: setProblem,
      onCaughtUp: () => setCaughtUp(true),
    });
    return () => {
      disconnect();
      terminal.dispose();
      termRef.current = null;
      searchRef.current = null;
    };
  }, [socket, router, runId, stepRunId]);

  const copy = async () => {
    const term = termRef.current;
    if (!term) return;
    try {
      await writeClipboard(terminalText(term));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    window.setTimeout(() => setCopied("idle"), 1600);
  };

  return (
    <div className="terminal-pane" data-step-run={stepRunId} data-caught-up={caughtUp || undefined}>
      <div className="terminal-toolbar">
        <span className="terminal-title">Output</span>
        {finding ? <FindBox getSearch={() => searchRef.current} onClose={() => setFinding(false)} /> : null}
        <div className="terminal-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => setFinding((f) => !f)}
            aria-pressed={finding}
            title="Find in output"
          >
            <SearchIcon size={14} />
            Find
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={copy}
            title={`Copies the text in the terminal (up to the last ${SCROLLBACK_LINES.toLocaleString("en-US")} lines)`}
            data-state={copied}
          >
            {copied === "copied" ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
            <span aria-live="polite">
              {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy output"}
            </span>
          </button>
          {running && onCancel ? (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={onCancel}
              disabled={cancelling}
            >
              {cancelling ? "Cancelling…" : "Cancel"}
            </button>
          ) : null}
        </div>
      </div>
      {problem ? (
        <p className="terminal-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div ref={boxRef} className="terminal-box" role="region" aria-label={label} />
    </div>
  );
}
