// Shared by the import and content commands: argument parsing with node's own parseArgs, and
// reading the one input file with a message a person understands.
import { readFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

type Values = Record<string, string | boolean | undefined>;

export type FileCommand = { exit: number } | { file: string; values: Values };

export type Command = { exit: number } | { positionals: string[]; values: Values };

/**
 * Parses `args` for a command that takes between `min` and `max` positional arguments. When the
 * command should stop, prints the usage and gives the exit code: 0 for --help, 2 for a misuse.
 */
export function parseCommand(args: string[], options: Options, usage: string, min: number, max: number): Command {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean" } },
      allowPositionals: true,
    }) as { values: Values; positionals: string[] });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return { exit: 2 };
  }
  if (values.help || positionals.length < min || positionals.length > max) {
    console.error(usage);
    return { exit: values.help ? 0 : 2 };
  }
  return { positionals, values };
}

/** Parses `args` for a command that takes exactly one FILE (see parseCommand). */
export function parseFileCommand(args: string[], options: Options, usage: string): FileCommand {
  const command = parseCommand(args, options, usage, 1, 1);
  return "exit" in command ? command : { file: command.positionals[0] as string, values: command.values };
}

/** The file's text, or null after printing why it cannot be read. */
export async function readInputFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return null;
  }
}
