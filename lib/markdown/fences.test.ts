import { describe, expect, it } from "vitest";
import { SHELL_LANGS } from "@/lib/playbooks/format";
import { NOT_TO_RUN, SHELL_FENCE_ALIASES, SHELL_FENCE_LANGS, transcriptCommands } from "./fences";
import { looksLikeError } from "./error-text";

describe("shell fences", () => {
  it("are the runnable shells plus the aliases people write", () => {
    expect([...SHELL_FENCE_LANGS].sort()).toEqual([...SHELL_LANGS, ...SHELL_FENCE_ALIASES].sort());
    expect(SHELL_FENCE_LANGS.has("console")).toBe(true);
    expect(SHELL_FENCE_LANGS.has("python")).toBe(false);
  });

  it("keep a transcript's commands, with continuations, and its output only when asked", () => {
    const transcript = "$ kubectl get pods \\\n  -n app\nNAME READY\n\n$ echo done\ndone";
    expect(transcriptCommands(transcript)).toBe("kubectl get pods \\\n  -n app\necho done");
    expect(transcriptCommands(transcript, { output: "comment" })).toBe(
      "kubectl get pods \\\n  -n app\n# output: NAME READY\necho done\n# output: done",
    );
    expect(transcriptCommands("  ls -l\n")).toBe("ls -l");
  });

  it("recognise code introduced as the wrong version", () => {
    expect(NOT_TO_RUN.test("The old, broken config:")).toBe(true);
    expect(NOT_TO_RUN.test("Apply the fix:")).toBe(false);
  });
});

describe("looksLikeError", () => {
  it("accepts what a system prints, not commands or comments", () => {
    expect(looksLikeError("Error: potentially insufficient UIDs")).toBe(true);
    expect(looksLikeError("# fix the error below")).toBe(false);
    expect(looksLikeError("$ grep error log")).toBe(false);
    expect(looksLikeError("all good here")).toBe(false);
  });
});
