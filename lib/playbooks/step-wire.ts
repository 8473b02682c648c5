// What the hub sends an agent to run a step: the command bytes and the shell. The signed content
// manifest hashes exactly this, so an agent pinned to it accepts what the hub sends unchanged.
import { isShellLang, type ShellLang } from "./format";
import type { Step } from "./types";

export function agentStepCommand(step: Pick<Step, "code" | "lang">): { command: string; shell: ShellLang | null } {
  return { command: step.code, shell: isShellLang(step.lang) ? step.lang : null };
}
