import { describe, expect, it } from "vitest";
import type { Paragraph } from "mdast";
import { parseMarkdown } from "./markdown-to-mdx";
import { cleanTitle, titleFromCommand, titleFromIntro, uniqueTitle } from "./step-title";

const p = (markdown: string) => parseMarkdown(markdown).children[0] as Paragraph;

describe("step titles", () => {
  it.each([
    ["1. Pods stay Pending", "Pods stay Pending"],
    ["Problem 3: the daemon is down ✅", "the daemon is down"],
    ["Q: Why is DNS slow?", "Why is DNS slow?"],
    ["Root Cause #2 (likely): stale cache", "stale cache"],
  ])("cleans the heading %s", (heading, expected) => {
    expect(cleanTitle(heading)).toBe(expected);
  });

  it.each([
    ["Check the pods:", "Check the pods"],
    ["Then restart the service:", "Restart the service"],
    ["**Fix:** reload the unit", "Reload the unit"],
    ["**Step 2**: Create the secret", "Create the secret"],
    // A closing "for example", "using" or "with the following command" says nothing about the step.
    ["The daemon also accepts a relative path. For example:", "The daemon also accepts a relative path"],
    ["Rotate the logs, for example:", "Rotate the logs"],
    ["Strip the carriage returns using:", "Strip the carriage returns"],
    ["Reload the rules with the following command:", "Reload the rules"],
    ["Free some space by running:", "Free some space"],
    ["Run:", null],
    ["For example:", null],
    ["This is a long paragraph that explains things and does not end with a colon.", null],
  ])("takes %s as the title", (text, expected) => {
    expect(titleFromIntro(p(text))).toBe(expected);
  });

  it("names a step by its command when nothing better is written, and keeps titles unique", () => {
    expect(titleFromCommand("# comment\npodman info --debug\nmore")).toBe("Run podman info --debug");
    // A command continued over lines is one command: its title does not end in a backslash.
    expect(titleFromCommand("docker run --rm \\\n    -p 80:80 \\\n    nginx")).toBe(
      "Run docker run --rm -p 80:80 nginx",
    );
    const used = new Set<string>();
    expect(uniqueTitle("Check it", "ls /a", used)).toBe("Check it");
    expect(uniqueTitle("Check it", "ls /b", used)).toBe("Check it: ls /b");
    expect(uniqueTitle("Check it", "ls /b", used)).toBe("Check it (2)");
  });
});
