// createTerminal (components/runs/terminal/create-terminal.ts) on its own, in a bare page of real
// Chromium: its box squeezed to no width for a moment (hidden, or caught mid-layout) must not refit
// the terminal. Fitting then clamped to 2 columns and reflowed the scrollback into 2-column rows,
// so Copy returned 218 of 10,000 lines (issue 12).
import fs from "node:fs";
import { build } from "esbuild";
import { expect, test } from "@playwright/test";

const LINE = "y".repeat(91);

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { createTerminal } from "./components/runs/terminal/create-terminal";
        import { terminalText } from "./components/runs/terminal/terminal-text";
        Object.assign(window, { createTerminal, terminalText });`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    write: false,
    loader: { ".css": "empty" },
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

test("a box squeezed to no width keeps the terminal's columns and every line", async ({ page }) => {
  await page.setContent(`<!doctype html><div id="column" style="width: 760px">
    <div class="terminal-pane"><div class="terminal-box" id="box"></div></div></div>`);
  await page.addStyleTag({ content: "*, *::before, *::after { box-sizing: border-box; }" });
  await page.addStyleTag({ content: fs.readFileSync("node_modules/@xterm/xterm/css/xterm.css", "utf8") });
  await page.addStyleTag({ content: fs.readFileSync("components/runs/runs.css", "utf8") });
  await page.addScriptTag({ content: await bundle() });

  const result = await page.evaluate(async (line) => {
    type Api = {
      createTerminal(el: HTMLElement): { term: import("@xterm/xterm").Terminal };
      terminalText(term: import("@xterm/xterm").Terminal): string;
    };
    const api = window as unknown as Api;
    const column = document.getElementById("column")!;
    const { term } = api.createTerminal(document.getElementById("box")!);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    await new Promise<void>((resolve) => term.write(`${line}\r\n`.repeat(12_000), resolve));
    const before = term.cols;
    column.style.width = "0px";
    await settle();
    const squeezed = term.cols;
    column.style.width = "760px";
    await settle();
    return { before, squeezed, after: term.cols, lines: api.terminalText(term).split("\n") };
  }, LINE);

  expect(result.before).toBeGreaterThan(80);
  expect(result.squeezed).toBe(result.before);
  expect(result.after).toBe(result.before);
  expect(result.lines.length).toBeGreaterThanOrEqual(10_000);
  expect(result.lines.every((l) => l === LINE)).toBe(true);
});
