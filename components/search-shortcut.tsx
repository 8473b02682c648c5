"use client";
// "/" from anywhere focuses the page's main search box (or the header's), unless the reader is
// typing somewhere already.
import { useEffect } from "react";
import { SEARCH_INPUT_ATTR } from "./search-box";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}

export function SearchShortcut() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const box =
        document.querySelector<HTMLElement>(`[${SEARCH_INPUT_ATTR}="primary"]`) ??
        document.querySelector<HTMLElement>(`[${SEARCH_INPUT_ATTR}="header"]`);
      if (!box) return;
      event.preventDefault();
      box.focus();
      if (box instanceof HTMLInputElement || box instanceof HTMLTextAreaElement) box.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
