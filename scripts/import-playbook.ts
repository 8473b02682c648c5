// `npm run import:playbook -- FILE [--out content/x.mdx] [--force]`: turns a TROUBLESHOOTING.md-style
// guide into a playbook draft that passes the format check. Without --out the MDX goes to stdout.
import { writeFile, access } from "node:fs/promises";
import path from "node:path";
import { checkDraft } from "../lib/import/check-draft";
import { troubleshootingToPlaybook } from "../lib/import/troubleshooting-to-playbook";
import { formatContentError } from "../lib/playbooks/content-error";
import { RISKS } from "../lib/playbooks/format";
import { parseFileCommand, readInputFile } from "./lib/cli";

const USAGE = "usage: npm run import:playbook -- FILE [--out content/NAME.mdx] [--force]";

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function main(args: string[]): Promise<number> {
  const command = parseFileCommand(args, { out: { type: "string" }, force: { type: "boolean" } }, USAGE);
  if ("exit" in command) return command.exit;
  const { file } = command;
  const out = typeof command.values.out === "string" ? command.values.out : undefined;
  const text = await readInputFile(file);
  if (text === null) return 1;
  const slug = out ? path.basename(out, ".mdx") : undefined;
  const { draft, mdx } = await troubleshootingToPlaybook(text, { file, slug });
  const { playbook, errors } = await checkDraft(mdx, draft.slug);
  if (errors.length) {
    // A draft that fails the check is a bug in the importer; show it rather than write it.
    for (const e of errors) console.error(formatContentError(e));
    return 1;
  }
  if (!out) {
    process.stdout.write(mdx);
  } else {
    if ((await exists(out)) && command.values.force !== true) {
      console.error(`${out} already exists; pass --force to overwrite it`);
      return 1;
    }
    await writeFile(out, mdx);
  }
  const steps = playbook?.steps ?? [];
  const byRisk = RISKS.map((risk) => `${steps.filter((s) => s.risk === risk).length} ${risk}`).join(", ");
  console.error(
    `${out ?? "stdout"}: "${draft.title}" — ${steps.length} steps (${byRisk}), ${draft.symptoms.length} symptoms.` +
      " Review it before publishing.",
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
