// STUB (interface only; being implemented): what a code block holds — commands at a prompt,
// program output, an interactive session, configuration — and its commands without prompts.
import type { BlockClass } from "./import-report";

export interface CodeBlockInput {
  lang: string; // lowercase fence language ("" when unlabelled)
  value: string;
  meta?: string | null;
}

export interface CodeBlockReading {
  class: BlockClass;
  /** The commands to run, prompts stripped, continuation lines kept; "" unless class is "commands" or "interactive". */
  commands: string;
  /** Lines the block shows as printed by the commands (after a prompt line, or the whole block for output). */
  output: string[];
  /** A `#` root prompt was stripped (or `sudo -i` shell): the step needs root. */
  root: boolean;
  /** Why, in a sentence, for the import report. */
  reason: string;
}

export async function readCodeBlock(block: CodeBlockInput): Promise<CodeBlockReading> {
  return { class: "other", commands: "", output: [], root: false, reason: "stub: " + block.lang };
}

/** Why a command would wait for a person (a TTY flag, an editor, a pager, ssh with no command,
 *  `kubectl edit`, …), or null when it runs to completion unattended. */
export async function interactiveReason(commands: string): Promise<string | null> {
  void commands;
  return null;
}
