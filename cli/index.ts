// The `casebook` CLI (issue 11, item 3): search, run, incidents and hosts over Casebook's REST API,
// as the user whose API token it holds (CASEBOOK_TOKEN). Launched by bin/casebook.mjs.
import { Command, CommanderError, Option } from "commander";
import { CasebookClient, CliError } from "./client";
import { EXIT, type Context, type Io } from "./context";
import { hosts } from "./commands/hosts";
import { exportIncidents, importIncident } from "./commands/incidents";
import { run, type RunOptions } from "./commands/run";
import { search } from "./commands/search";

const DEFAULT_URL = "http://127.0.0.1:3000";

interface GlobalOptions {
  url: string;
  token?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function program(io: Io, done: (code: number) => void): Command {
  const cli = new Command("casebook")
    .description("Search Casebook's playbooks, run their steps on a host, and move incidents in and out.")
    .addOption(new Option("--url <url>", "the Casebook server").env("CASEBOOK_URL").default(DEFAULT_URL))
    .addOption(new Option("--token <token>", "an API token (make one at /account/tokens)").env("CASEBOOK_TOKEN"))
    .option("--json", "answer in JSON (for scripts)")
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .exitOverride()
    .showHelpAfterError("(casebook --help lists the commands)");

  /** Runs a command with the global options, and reports its exit code. */
  const action =
    <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<number>) =>
    async (...args: A) => {
      const opts = cli.opts<GlobalOptions>();
      const client = new CasebookClient({ url: opts.url, token: opts.token });
      done(await body({ client, json: opts.json === true, io }, ...args));
    };

  cli
    .command("search")
    .description("find the playbook and the step for an error message")
    .argument("<error>", "the error text, e.g. a pasted log line")
    .option("--limit <n>", "how many results", "5")
    .action(action((ctx, query: string, opts: { limit: string }) => search(ctx, query, opts)));

  cli
    .command("run")
    .description("run a playbook's step (or walk its read steps) on a host; exit 0 passed, 1 failed, 2 otherwise")
    .argument("<playbook>", "the playbook's slug")
    .requiredOption("--host <host>", "the host, by name or id")
    .option("--step <step>", "run this one step")
    .option("--all-read", "walk the read steps until a diagnosis, a change step or the end (the default)")
    .option("--input <NAME=value>", "an input value (repeatable)", collect, [])
    .option("--confirm", "confirm a change step (it changes the host)")
    .option("--type-step-id <step>", "confirm a danger step by typing its id, as the page asks")
    .option("--keep-open", "leave the run open afterwards (it is finished by default)")
    .action(action((ctx, playbook: string, opts: RunOptions) => run(ctx, playbook, opts)));

  const incidents = cli.command("incidents").description("import and export incidents");
  incidents
    .command("import")
    .description("record a Markdown write-up (.md) or a Casebook JSON export (.json) as an incident")
    .argument("<file>")
    .action(action((ctx, file: string) => importIncident(ctx, file)));
  incidents
    .command("export")
    .description("every incident, as JSON")
    .option("--out <file>", "write to this file instead of stdout")
    .action(action((ctx, opts: { out?: string }) => exportIncidents(ctx, opts)));

  cli
    .command("hosts")
    .description("the hosts you may run on, and whether their agent is online")
    .action(action((ctx) => hosts(ctx)));
  return cli;
}

/** Parses `argv` (without node and the script), runs the command, and answers its exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.passed;
  const cli = program(io, (c) => (code = c));
  try {
    await cli.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are a success; a usage mistake is not a verdict.
      return err.exitCode === 0 ? EXIT.passed : EXIT.other;
    }
    if (err instanceof CliError) {
      io.stderr(`casebook: ${err.message}\n`);
      return EXIT.other;
    }
    io.stderr(`casebook: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.other;
  }
}
