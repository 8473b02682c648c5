// Terminal colours that follow the site's light/dark theme: the page's own background and text
// (CSS variables from app/globals.css), with an ANSI palette readable on each.
import type { ITheme } from "@xterm/xterm";

const LIGHT: ITheme = {
  black: "#1f2328",
  red: "#c4302b",
  green: "#0a7a3e",
  yellow: "#8a5a00",
  blue: "#1f56b8",
  magenta: "#8e3fb3",
  cyan: "#0f7285",
  white: "#6e7781",
  brightBlack: "#57606a",
  brightRed: "#a4221d",
  brightGreen: "#116329",
  brightYellow: "#744500",
  brightBlue: "#0550ae",
  brightMagenta: "#6f2f94",
  brightCyan: "#0a5a69",
  brightWhite: "#8c959f",
  selectionBackground: "#4f46e533",
};

const DARK: ITheme = {
  black: "#484f58",
  red: "#ff7b72",
  green: "#6fd49b",
  yellow: "#f3bd62",
  blue: "#8db6ff",
  magenta: "#d2a8ff",
  cyan: "#76e3ea",
  white: "#c9d1d9",
  brightBlack: "#6e7681",
  brightRed: "#ffa198",
  brightGreen: "#8ee6b1",
  brightYellow: "#f8d48a",
  brightBlue: "#a5c8ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#b3f0ff",
  brightWhite: "#f0f6fc",
  selectionBackground: "#7c7ff555",
};

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** A colour token resolved for the page's current scheme: the tokens are light-dark() pairs,
 *  which getPropertyValue returns unresolved, so a probe element computes the colour. */
function cssColor(name: string, fallback: string): string {
  const probe = document.createElement("span");
  probe.style.cssText = `display:none;color:var(${name}, ${fallback})`;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color || fallback;
}

export function isDarkPage(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen === "dark";
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function terminalTheme(): ITheme {
  const dark = isDarkPage();
  const background = cssColor("--code-bg", dark ? "#0b0d11" : "#f6f8fa");
  const foreground = cssColor("--text", dark ? "#e7e9ee" : "#16181d");
  return {
    ...(dark ? DARK : LIGHT),
    background,
    foreground,
    cursor: background, // output only: no cursor to look at
    cursorAccent: background,
    scrollbarSliderBackground: dark ? "#ffffff22" : "#00000022",
    scrollbarSliderHoverBackground: dark ? "#ffffff44" : "#00000044",
    scrollbarSliderActiveBackground: dark ? "#ffffff66" : "#00000066",
  };
}

export function terminalFont(): string {
  return cssVar(getComputedStyle(document.documentElement), "--font-mono", "monospace");
}

/** Calls `onChange` when the site switches theme (toggle, stored choice or system setting). */
export function watchTheme(onChange: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  media.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", onChange);
  };
}
