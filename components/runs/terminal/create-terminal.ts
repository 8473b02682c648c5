// An output-only xterm.js terminal in `element`: fitted to its box, WebGL-rendered where the
// browser allows it (the DOM renderer otherwise, or after the GPU context is lost), searchable,
// and in the site's colours.
import { FitAddon } from "@xterm/addon-fit";
import { SearchAddon } from "@xterm/addon-search";
import { WebglAddon } from "@xterm/addon-webgl";
import { Terminal } from "@xterm/xterm";
import { terminalFont, terminalTheme, watchTheme } from "./terminal-theme";

export interface OutputTerminal {
  term: Terminal;
  search: SearchAddon;
  dispose(): void;
}

/** Scrollback kept in the browser; the whole output is in the .cast download. */
export const SCROLLBACK_LINES = 10_000;
/**
 * The fewest columns fitted to. A narrower box is hidden or caught mid-layout (the box's padding
 * made `clientWidth` non-zero even with no room for text), not a size to show output at: FitAddon
 * would clamp to 2 columns and xterm reflow the whole scrollback into 2-column rows, dropping all
 * but the last few hundred lines (Copy returned 218 of 10,000) and keeping them wrapped. The
 * terminal keeps its size until the box is wide again.
 */
export const MIN_FIT_COLS = 20;
/** The box grows with the output between these heights, then scrolls. */
const MIN_ROWS = 4;
const MAX_ROWS = 24;

function loadWebgl(term: Terminal, element: HTMLElement): void {
  try {
    const webgl = new WebglAddon();
    webgl.onContextLoss(() => {
      // Browsers drop GPU contexts under pressure (many terminals, a suspended laptop).
      webgl.dispose();
      element.dataset.renderer = "dom";
    });
    term.loadAddon(webgl);
    element.dataset.renderer = "webgl";
  } catch {
    element.dataset.renderer = "dom";
  }
}

export function createTerminal(element: HTMLElement): OutputTerminal {
  const term = new Terminal({
    disableStdin: true,
    cursorBlink: false,
    cursorInactiveStyle: "none",
    scrollback: SCROLLBACK_LINES,
    fontFamily: terminalFont(),
    fontSize: 13,
    lineHeight: 1.15,
    theme: terminalTheme(),
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.open(element);
  loadWebgl(term, element);

  const refit = () => {
    const size = fit.proposeDimensions();
    if (size && size.cols >= MIN_FIT_COLS && size.rows >= MIN_ROWS) fit.fit();
  };
  refit();
  const resize = new ResizeObserver(refit);
  resize.observe(element);
  const growing = term.onWriteParsed(() => grow(term, element));
  grow(term, element);
  const stopTheme = watchTheme(() => {
    term.options.theme = terminalTheme();
  });

  return {
    term,
    search,
    dispose() {
      resize.disconnect();
      growing.dispose();
      stopTheme();
      term.dispose();
    },
  };
}

/** Sizes the box to the lines written so far (never shrinking, so it does not jitter). */
function grow(term: Terminal, element: HTMLElement): void {
  if (element.dataset.full) return; // at the largest size: the cheap exit while output streams
  const screen = element.querySelector<HTMLElement>(".xterm-screen");
  const cell = screen && term.rows > 0 ? screen.clientHeight / term.rows : 0;
  if (!(cell > 0)) return;
  const buffer = term.buffer.active;
  // Until the screen overflows, the buffer is padded with empty rows: count up to the last text.
  const used = buffer.length > term.rows ? buffer.length : lastUsedRow(term) + 1;
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used));
  const style = getComputedStyle(element);
  const chrome =
    parseFloat(style.paddingTop) +
    parseFloat(style.paddingBottom) +
    parseFloat(style.borderTopWidth) +
    parseFloat(style.borderBottomWidth);
  const height = Math.ceil(rows * cell + chrome);
  if (height > element.offsetHeight) element.style.height = `${height}px`;
  if (rows === MAX_ROWS) element.dataset.full = "true";
}

function lastUsedRow(term: Terminal): number {
  const buffer = term.buffer.active;
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (buffer.getLine(i)?.translateToString(true)) return i + 1;
  }
  return 0;
}
