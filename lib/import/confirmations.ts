// Package managers stop at "Do you want to continue? [Y/n]", and a step's terminal has nobody to
// answer. Guides leave the `-y` out because a person is typing; the import adds it (and says so),
// so the fix is a step rather than text to run by hand.
import type { CodeBlockReading } from "./code-block";
import type { ReportNote } from "./import-report";
import { interactiveReason } from "./interactive";
import { CONFIRMING_MANAGERS } from "./package-confirmations";

const BOUNDARY = String.raw`(^|&&|\|\||;|\bthen\b|\bdo\b)(\s*)`;
const SUDO = String.raw`((?:sudo|doas)\s+(?:-\S+\s+)*)?`;

export interface Answered {
  commands: string;
  /** What was added, e.g. "`-y` to `apt-get install`". */
  added: string[];
}

export function answerConfirmations(commands: string): Answered {
  const added: string[] = [];
  let out = commands;
  for (const m of CONFIRMING_MANAGERS) {
    const pattern = new RegExp(
      `${BOUNDARY}${SUDO}(${m.programs.join("|")})((?:\\s+-\\S+)*)\\s+(${m.subcommands.join("|")})\\b([^\\n;&|]*)`,
      "gm",
    );
    out = out.replace(
      pattern,
      (
        whole: string,
        boundary: string,
        space: string,
        sudo: string | undefined,
        program: string,
        flags: string,
        sub: string,
        rest: string,
      ) => {
        const words = `${flags} ${rest}`.split(/\s+/);
        if (m.yes.some((flag) => words.includes(flag))) return whole;
        added.push(`\`-y\` to \`${program} ${sub}\``);
        return `${boundary}${space}${sudo ?? ""}${program}${flags} ${sub} -y${rest}`;
      },
    );
  }
  return { commands: out, added };
}

/** A block that is interactive only because a package manager would ask to confirm is commands,
 *  with the confirmation answered. */
export async function answerConfirmationsIn(
  reading: CodeBlockReading,
  line: number,
  notes: ReportNote[],
): Promise<CodeBlockReading> {
  if (reading.class !== "interactive") return reading;
  const { commands, added } = answerConfirmations(reading.commands);
  if (added.length === 0 || (await interactiveReason(commands)) !== null) return reading;
  notes.push({ line, message: `added ${added.join(", ")}: the step's terminal cannot answer a confirmation` });
  return { ...reading, class: "commands", commands, reason: `${reading.reason}; added ${added.join(", ")}` };
}
