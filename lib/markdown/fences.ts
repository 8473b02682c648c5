// What the fenced blocks of a troubleshooting write-up hold: commands someone ran, a transcript of
// a terminal, program output, or code shown as the wrong version, for incident write-ups
// (lib/incidents). Guides imported as playbooks are read by lib/import/code-block.ts, which parses
// every prompt with the shell parser; these synchronous rules are the incident side's.
import { SHELL_LANGS } from "@/lib/playbooks/format";

/** Fence languages people use for shell commands that a playbook step may not (it runs bash, sh or zsh). */
export const SHELL_FENCE_ALIASES = ["shell", "console", "shell-session", "shellsession", "terminal"] as const;

/** Fence languages whose block holds shell commands, lowercase. */
export const SHELL_FENCE_LANGS: ReadonlySet<string> = new Set([...SHELL_LANGS, ...SHELL_FENCE_ALIASES]);

/** Languages of fenced blocks that hold program output rather than code. */
export const OUTPUT_LANGS: ReadonlySet<string> = new Set([
  "",
  "text",
  "txt",
  "log",
  "console",
  "output",
  "plain",
  "plaintext",
]);

/** Words that introduce code shown as the old or wrong version: it documents the problem and is
 *  not a step to run. */
export const NOT_TO_RUN = /\b(old|wrong|broken|before|insufficient|incorrect)\b/i;

const PROMPT = /^\s*\$ /;

/**
 * The commands of a shell block. A transcript (`$ cmd` lines, then what they printed) keeps only
 * its commands, with their `\` continuation lines; with `output: "comment"` what was printed stays
 * as `# output: …` comments, so the step still shows what to expect.
 */
export function transcriptCommands(code: string, opts: { output?: "drop" | "comment" } = {}): string {
  const lines = code.split("\n");
  if (!lines.some((l) => PROMPT.test(l))) return code.trim();
  const out: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (PROMPT.test(line)) {
      out.push(line.replace(PROMPT, ""));
      continuing = line.trimEnd().endsWith("\\");
    } else if (continuing) {
      out.push(line);
      continuing = line.trimEnd().endsWith("\\");
    } else if (line.trim() && opts.output === "comment") {
      out.push(`# output: ${line.trim()}`);
    }
  }
  return out.join("\n").trim();
}
