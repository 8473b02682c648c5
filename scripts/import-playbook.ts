// `npm run import:playbook -- FILE [--out content/x.mdx] [--force]`: turns a TROUBLESHOOTING.md-style
// guide into a playbook draft that passes the format check. Without --out the MDX goes to stdout.
import { readFile, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { checkDraft } from "../lib/import/check-draft";
import { troubleshootingToPlaybook } from "../lib/import/troubleshooting-to-playbook";
import { formatContentError } from "../lib/playbooks/content-error";

const USAGE = "usage: npm run import:playbook -- FILE [--out content/NAME.mdx] [--force]";

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith("--") && (outAt < 0 || i !== outAt + 1));
  if (args.includes("--help") || files.length !== 1 || (outAt >= 0 && !out)) {
    console.error(USAGE);
    return args.includes("--help") ? 0 : 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return 1;
  }
  const slug = out ? path.basename(out, ".mdx") : undefined;
  const { draft, mdx } = troubleshootingToPlaybook(text, { file, slug });
  const { playbook, errors } = checkDraft(mdx, draft.slug);
  if (errors.length) {
    // A draft that fails the check is a bug in the importer; show it rather than write it.
    for (const e of errors) console.error(formatContentError(e));
    return 1;
  }
  if (!out) {
    process.stdout.write(mdx);
  } else {
    if ((await exists(out)) && !args.includes("--force")) {
      console.error(`${out} already exists; pass --force to overwrite it`);
      return 1;
    }
    await writeFile(out, mdx);
  }
  const steps = playbook?.steps ?? [];
  const by = (risk: string) => steps.filter((s) => s.risk === risk).length;
  console.error(
    `${out ?? "stdout"}: "${draft.title}" — ${steps.length} steps (${by("read")} read, ${by("change")} change, ${by("danger")} danger), ${draft.symptoms.length} symptoms. Review it before publishing.`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
