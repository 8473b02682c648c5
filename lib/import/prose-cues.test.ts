import { describe, expect, it } from "vitest";
import type { Paragraph } from "mdast";
import { parseMarkdown } from "./markdown-to-mdx";
import { cuesOf, literalPattern } from "./prose-cues";

const p = (markdown: string) => parseMarkdown(markdown).children[0] as Paragraph;

describe("what the prose around a command says about its result", () => {
  it.each([
    ["If you see `permission denied`, the socket is not yours:", { problemText: "permission denied" }],
    ['If the output contains "overlay", the driver is in use:', { problemText: "overlay" }],
    ["It should print `active (running)`:", { expectedText: "active (running)", showsSuccess: true }],
    ["You should see `Server Version` in the output:", { expectedText: "Server Version", showsSuccess: true }],
    ["You should see something like:", { showsSuccess: true }],
    ["The output should look like this:", { showsSuccess: true }],
    ["You should see an error like:", {}],
    ["To reproduce the problem, run:", { reproduces: true }],
    ["Starting the container fails with:", { reproduces: true }],
    ["Check the daemon:", {}],
    // The quoted text belongs to the cue only in its own clause: after the comma it is what to do next.
    ["If nothing useful shows up, try `journalctl -u foo`.", {}],
    ["If the log shows nothing, run `systemctl status foo` instead.", {}],
    ["You should see the pod listed; if not, run `kubectl describe pod web`.", { showsSuccess: true }],
    ["If `docker info` shows `vfs`, the storage driver fell back:", { problemText: "vfs" }],
    ["If it says `no space left on device`, free some space:", { problemText: "no space left on device" }],
    [
      "If the output contains an error like: `bind: address already in use`",
      {
        problemText: "bind: address already in use",
      },
    ],
  ])("%s", (text, expected) => {
    expect(cuesOf(p(text), undefined)).toEqual(expected);
  });

  it("reads 'if this fails' after the command as a way out", () => {
    expect(cuesOf(undefined, p("If this fails, reinstall the package:"))).toEqual({ onFailNext: true });
    expect(cuesOf(undefined, p("This prints the version."))).toEqual({});
  });

  it("escapes text into a literal pattern", () => {
    expect(new RegExp(literalPattern("a.b (c) [d]*")).test("x a.b (c) [d]* y")).toBe(true);
    expect(new RegExp(literalPattern("a.b")).test("axb")).toBe(false);
  });
});
