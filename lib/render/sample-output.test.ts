import { describe, expect, it } from "vitest";
import { collapsedOutput } from "./sample-output";

const lines = (n: number, first = "line 1") => [first, ...Array.from({ length: n - 1 }, (_, i) => `line ${i + 2}`)];

describe("collapsedOutput", () => {
  it("collapses long output and text, saying which and how long", () => {
    expect(collapsedOutput("console", lines(4))).toEqual({ label: "4 lines of output", preview: "line 1" });
    expect(collapsedOutput("text", lines(9))).toEqual({ label: "9 lines of text", preview: "line 1" });
  });

  it("leaves short blocks and code open", () => {
    expect(collapsedOutput("text", lines(3))).toBeUndefined();
    expect(collapsedOutput("bash", lines(40))).toBeUndefined();
    expect(collapsedOutput("yaml", lines(40))).toBeUndefined();
    expect(collapsedOutput(undefined, lines(40))).toBeUndefined();
  });

  it("previews the first line that says something, without a diagram's frame", () => {
    const diagram = ["┌──────────┐", "│ macOS (Development)   │", "│ - IDE    │", "└──────────┘"];
    expect(collapsedOutput("text", diagram)?.preview).toBe("macOS (Development)");
    expect(collapsedOutput("text", ["##[error]Executing failed.", "a", "b", "c"])?.preview).toBe(
      "##[error]Executing failed.",
    );
  });
});
