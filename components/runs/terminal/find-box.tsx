"use client";
// A small find field for a terminal: Enter finds the next match, Shift+Enter the previous one.
import { useState } from "react";
import type { SearchAddon } from "@xterm/addon-search";

export function FindBox({ getSearch, onClose }: { getSearch: () => SearchAddon | null; onClose: () => void }) {
  const [term, setTerm] = useState("");
  const [missing, setMissing] = useState(false);

  const find = (backwards: boolean, text = term) => {
    const search = getSearch();
    if (!search || text === "") {
      setMissing(false);
      search?.clearDecorations();
      return;
    }
    const found = backwards
      ? search.findPrevious(text, { caseSensitive: false })
      : search.findNext(text, { caseSensitive: false, incremental: true });
    setMissing(!found);
  };

  return (
    <div className="terminal-find" role="search">
      <input
        type="search"
        aria-label="Find in output"
        placeholder="Find in output"
        value={term}
        autoFocus
        data-missing={missing || undefined}
        onChange={(e) => {
          setTerm(e.target.value);
          find(false, e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            find(e.shiftKey);
          } else if (e.key === "Escape") {
            onClose();
          }
        }}
      />
      {missing ? <span className="terminal-find-none">No match</span> : null}
    </div>
  );
}
