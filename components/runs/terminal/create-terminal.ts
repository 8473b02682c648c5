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
    if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
  };
  refit();
  const resize = new ResizeObserver(refit);
  resize.observe(element);
  const stopTheme = watchTheme(() => {
    term.options.theme = terminalTheme();
  });

  return {
    term,
    search,
    dispose() {
      resize.disconnect();
      stopTheme();
      term.dispose();
    },
  };
}
