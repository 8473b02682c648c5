// Shared by the import commands: argument parsing with node's own parseArgs, and reading the one
// input file with a message a person understands.
import { readFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export type FileCommand = { exit: number } | { file: string; values: Record<string, string | boolean | undefined> };

/**
 * Parses `args` for a command that takes exactly one FILE. When the command should stop, prints
 * the usage and gives the exit code: 0 for --help, 2 for a misuse.
 */
export function parseFileCommand(args: string[], options: Options, usage: string): FileCommand {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean" } },
      allowPositionals: true,
    }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return { exit: 2 };
  }
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    return { exit: values.help ? 0 : 2 };
  }
  return { file: positionals[0] as string, values };
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
