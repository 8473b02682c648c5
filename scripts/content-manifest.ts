// `npm run content:manifest -- [--out FILE] [CONTENT_DIR]`: the manifest of every step of the
// published content (default CONTENT_DIR or content/), for `npm run content:sign` and then
// `casebook-agent --manifest`. SOURCE_DATE_EPOCH, when set, is its generatedAt, so the same commit
// gives the same bytes. Broken playbooks stop it: a manifest silently missing one is a surprise.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildContentIndex, contentDir } from "@/lib/playbooks/build-content-index";
import { formatContentError } from "@/lib/playbooks/content-error";
import { buildContentManifest, serializeContentManifest } from "@/lib/playbooks/content-manifest";
import { RISKS } from "@/lib/playbooks/format";
import { parseCommand } from "./lib/cli";

const USAGE = "usage: npm run content:manifest -- [--out content-manifest.json] [CONTENT_DIR]";

function generatedAt(): Date | null {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  return /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args, { out: { type: "string" } }, USAGE, 0, 1);
  if ("exit" in command) return command.exit;
  const out = typeof command.values.out === "string" ? command.values.out : "content-manifest.json";
  const dir = command.positionals[0] ? path.resolve(command.positionals[0]) : contentDir();
  if (!existsSync(dir)) {
    console.error(`${dir}: no such folder`);
    return 1;
  }
  const at = generatedAt();
  if (!at) {
    console.error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${process.env.SOURCE_DATE_EPOCH}"`);
    return 2;
  }

  const index = await buildContentIndex(dir, { logErrors: false });
  const errors = [...index.broken.values()].flat();
  if (errors.length) {
    for (const error of errors) console.log(formatContentError(error));
    console.error(`${index.broken.size} broken playbook(s): fix them (npm run check:content) before making a manifest`);
    return 1;
  }
  const manifest = buildContentManifest(index.playbooks.values(), at);
  await writeFile(out, serializeContentManifest(manifest));

  const steps = manifest.playbooks.flatMap((p) => p.steps);
  const byRisk = RISKS.map((risk) => `${steps.filter((s) => s.risk === risk).length} ${risk}`).join(", ");
  const playbooks = `${manifest.playbooks.length} playbook${manifest.playbooks.length === 1 ? "" : "s"}`;
  console.error(`${out}: ${playbooks}, ${steps.length} steps (${byRisk}), generated at ${manifest.generatedAt}`);
  return 0;
}

// The content index's parse workers would otherwise keep the process alive.
process.exit(await main(process.argv.slice(2)));
