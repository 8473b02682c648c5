"use client";
// The search form. The large variant is a textarea because pasted errors span lines; Enter
// searches and Shift+Enter adds a line. It is a plain GET form, so it works before hydration.
import type { KeyboardEvent } from "react";
import { SearchIcon } from "./icons";

export const SEARCH_INPUT_ATTR = "data-search-input";

export function SearchBox({ variant, defaultValue = "" }: { variant: "large" | "compact"; defaultValue?: string }) {
  function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  if (variant === "compact") {
    return (
      <form action="/search" method="get" role="search" className="search-compact">
        <SearchIcon className="search-compact-icon" />
        <label htmlFor="header-search" className="visually-hidden">
          Search playbooks
        </label>
        <input
          id="header-search"
          name="q"
          type="search"
          placeholder="Search or paste an error"
          defaultValue={defaultValue}
          autoComplete="off"
          spellCheck={false}
          {...{ [SEARCH_INPUT_ATTR]: "header" }}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </form>
    );
  }

  return (
    <form action="/search" method="get" role="search" className="search-large">
      <label htmlFor="search-q" className="visually-hidden">
        Paste an error message or describe the problem
      </label>
      <SearchIcon size={20} className="search-large-icon" />
      <textarea
        id="search-q"
        name="q"
        rows={1}
        required
        placeholder="Paste an error message, e.g. manifest unknown: manifest unknown"
        defaultValue={defaultValue}
        onKeyDown={submitOnEnter}
        autoComplete="off"
        spellCheck={false}
        {...{ [SEARCH_INPUT_ATTR]: "primary" }}
      />
      <button type="submit" className="button button-primary">
        Search
      </button>
    </form>
  );
}
