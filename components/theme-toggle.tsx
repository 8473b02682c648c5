"use client";
// Flips between light and dark. A choice that matches the system is forgotten, so the page goes
// back to following the system; a choice that differs is remembered in localStorage.
import { useSyncExternalStore } from "react";
import { MoonIcon, SunIcon } from "./icons";
import { THEME_STORAGE_KEY } from "./theme-script";

type Theme = "light" | "dark";

const CHANGE_EVENT = "casebook-themechange";

function systemTheme(): Theme {
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function effectiveTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  return chosen === "dark" || chosen === "light" ? chosen : systemTheme();
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    media.removeEventListener("change", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function toggleTheme() {
  const next: Theme = effectiveTheme() === "dark" ? "light" : "dark";
  try {
    if (next === systemTheme()) localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Storage can be disabled; the toggle still works for this page view.
  }
  document.documentElement.dataset.theme = next;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function ThemeToggle() {
  // The server cannot know the theme, so it renders no pressed state; icons switch in CSS.
  const theme = useSyncExternalStore<Theme | undefined>(subscribe, effectiveTheme, () => undefined);
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      onClick={toggleTheme}
      aria-label="Dark theme"
      aria-pressed={theme === undefined ? undefined : theme === "dark"}
      title="Toggle dark theme"
    >
      <SunIcon className="theme-icon-light" />
      <MoonIcon className="theme-icon-dark" />
    </button>
  );
}
