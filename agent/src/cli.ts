// `casebook-agent`: settings from flags or CASEBOOK_* environment variables, then run until
// SIGTERM/SIGINT.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { Agent, EXIT_CONFIG, type AgentConfig } from "./agent";
import { log } from "./log";
import { readKey } from "./manifest";
import { ManifestFile } from "./manifest-file";
import { isRisk, RISKS, type Risk } from "./risk";
import { agentVersion } from "./system";

function list(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

function risk(value: string): Risk {
  if (!isRisk(value)) throw new InvalidArgumentError(`must be one of ${RISKS.join(", ")}`);
  return value;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("must be a number of seconds");
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--server a,b --server c`: every URL in order, each one checked. */
function servers(value: string, previous: string[] | undefined): string[] {
  const urls = list(value);
  if (urls.length === 0) throw new InvalidArgumentError("needs at least one http(s) URL");
  const bad = urls.find((url) => !/^https?:\/\//i.test(url) || !URL.canParse(url));
  if (bad !== undefined) throw new InvalidArgumentError(`"${bad}" is not an http(s) URL`);
  return [...(previous ?? []), ...urls];
}

function errorCode(err: unknown): string {
  return `cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
}

/** The trusted public keys and the signed manifest, both checked now: a bad one stops the start. */
function openManifest(fail: (message: string) => never, file?: string, keyFiles?: string[]): ManifestFile | null {
  if (!file && !keyFiles) return null;
  if (!file) return fail("error: --trust-key needs --manifest (the signed manifest it checks)");
  if (!keyFiles) return fail("error: --manifest needs --trust-key (the public key that signs it)");
  const keys = keyFiles.map((keyFile) => {
    let pem: Buffer;
    try {
      pem = fs.readFileSync(keyFile);
    } catch (err) {
      return fail(`error: --trust-key ${keyFile}: ${errorCode(err)}`);
    }
    try {
      return readKey(pem, "public");
    } catch (err) {
      return fail(`error: --trust-key ${keyFile}: ${(err as Error).message}`);
    }
  });
  try {
    return ManifestFile.open(path.resolve(file), keys);
  } catch (err) {
    return fail(`error: --manifest ${file}: ${(err as Error).message}`);
  }
}

interface CliOptions {
  server: string[];
  token?: string;
  tokenFile?: string;
  name: string;
  maxRisk: Risk;
  allowTags?: string[];
  allowPlaybooks?: string[];
  workdir: string;
  shell: string;
  killGrace: number;
  manifest?: string;
  trustKey?: string[];
}

export function parseArgs(argv: string[]): AgentConfig {
  const program = new Command("casebook-agent")
    .description(
      "Runs Casebook playbook steps on this host in a real PTY and streams their output to a Casebook server.\n" +
        "It dials out to the server; the host needs no open port.",
    )
    .version(agentVersion())
    .addOption(
      new Option(
        "--server <urls>",
        "Casebook server URL, e.g. https://casebook.example.com; several (comma-separated or repeated) are " +
          "tried in order, the next one whenever the current one cannot be reached",
      )
        .env("CASEBOOK_SERVER")
        .argParser(servers)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        "--token <token>",
        "agent token from the server's Hosts page (visible in `ps`: prefer --token-file)",
      ).env("CASEBOOK_TOKEN"),
    )
    .addOption(new Option("--token-file <path>", "file holding the agent token").env("CASEBOOK_TOKEN_FILE"))
    .addOption(
      new Option("--name <name>", "name shown for this host").env("CASEBOOK_AGENT_NAME").default(os.hostname()),
    )
    .addOption(
      new Option("--max-risk <risk>", "highest step risk this agent runs: read, change or danger")
        .env("CASEBOOK_MAX_RISK")
        .argParser(risk)
        .default("change"),
    )
    .addOption(
      new Option("--allow-tags <tags>", "run only playbooks with one of these tags (comma-separated)")
        .env("CASEBOOK_ALLOW_TAGS")
        .argParser(list),
    )
    .addOption(
      new Option("--allow-playbooks <slugs>", "run only these playbooks (comma-separated slugs)")
        .env("CASEBOOK_ALLOW_PLAYBOOKS")
        .argParser(list),
    )
    .addOption(
      new Option("--workdir <dir>", "working directory of every step").env("CASEBOOK_WORKDIR").default(os.homedir()),
    )
    .addOption(
      new Option("--shell <shell>", "shell for steps whose code fence names none")
        .env("CASEBOOK_SHELL")
        .default("bash"),
    )
    .addOption(
      new Option("--kill-grace <seconds>", "on cancel or timeout: wait between Ctrl-C, SIGTERM and SIGKILL")
        .env("CASEBOOK_KILL_GRACE")
        .argParser(seconds)
        .default(3),
    )
    .addOption(
      new Option("--manifest <file>", "run only the steps in this signed manifest (npm run content:sign)").env(
        "CASEBOOK_MANIFEST",
      ),
    )
    .addOption(
      new Option("--trust-key <file>", "Ed25519 public key (PEM) the manifest must be signed with; repeatable")
        .env("CASEBOOK_TRUST_KEY")
        .argParser(collect),
    )
    .addHelpText(
      "after",
      "\nEvery option can also be set by the environment variable named beside it.\n" +
        "Logs are JSON lines on stdout (CASEBOOK_LOG_LEVEL=debug|info|warn|error).\n" +
        "Exit status 78 means a flag or the manifest is wrong, or the server refused the token:\n" +
        "fix the configuration before restarting.",
    )
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_CONFIG))
    .parse(argv);
  const opts = program.opts<CliOptions>();
  const token = opts.tokenFile ? fs.readFileSync(opts.tokenFile, "utf8").trim() : opts.token?.trim();
  if (!token) program.error("error: a token is required (--token, --token-file or CASEBOOK_TOKEN)");
  const manifest = openManifest((message) => program.error(message), opts.manifest, opts.trustKey);
  return {
    servers: opts.server,
    token: token ?? "",
    name: opts.name,
    policy: { maxRisk: opts.maxRisk, allowTags: opts.allowTags ?? null, allowPlaybooks: opts.allowPlaybooks ?? null },
    workdir: path.resolve(opts.workdir),
    shell: opts.shell,
    graceMs: opts.killGrace * 1000,
    manifest,
  };
}

export function main(argv: string[]): void {
  const config = parseArgs(argv);
  const agent = new Agent(config, (reason) => {
    log.fatal({ reason }, "stopping");
    process.exit(EXIT_CONFIG);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    void agent.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  agent.start();
}
