// `npm run import:playbook -- FILE [--out FILE [--force]] [--draft --author EMAIL] [--slug SLUG]`:
// turns a TROUBLESHOOTING.md-style guide into a playbook draft that passes the format check.
// Without --out or --draft the MDX goes to stdout. It never writes into content/: --draft stores
// it in the database for review (see docs/review.md), where it cannot run until an editor publishes it.
import { writeFile, access } from "node:fs/promises";
import path from "node:path";
import { checkDraft } from "../lib/import/check-draft";
import { troubleshootingToPlaybook } from "../lib/import/troubleshooting-to-playbook";
import { formatContentError } from "../lib/playbooks/content-error";
import { contentDir } from "../lib/playbooks/build-content-index";
import { RISKS } from "../lib/playbooks/format";
import { parseFileCommand, readInputFile } from "./lib/cli";

const USAGE = "usage: npm run import:playbook -- FILE [--out FILE [--force]] [--draft --author EMAIL] [--slug SLUG]";

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function insideContent(file: string): boolean {
  const relative = path.relative(contentDir(), path.resolve(file));
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

async function main(args: string[]): Promise<number> {
  const command = parseFileCommand(
    args,
    {
      out: { type: "string" },
      force: { type: "boolean" },
      draft: { type: "boolean" },
      author: { type: "string" },
      slug: { type: "string" },
    },
    USAGE,
  );
  if ("exit" in command) return command.exit;
  const { file, values } = command;
  const out = typeof values.out === "string" ? values.out : undefined;
  const author = typeof values.author === "string" ? values.author : undefined;
  if (values.draft === true && !author) {
    console.error(`--draft needs --author EMAIL: the operator the draft is from\n${USAGE}`);
    return 2;
  }
  if (out && insideContent(out)) {
    console.error(
      `${out}: ${contentDir()} holds reviewed playbooks only: save the draft for review with --draft --author EMAIL, ` +
        "or write it elsewhere",
    );
    return 1;
  }
  const text = await readInputFile(file);
  if (text === null) return 1;
  const slug = typeof values.slug === "string" ? values.slug : out ? path.basename(out, ".mdx") : undefined;
  const { draft, mdx } = await troubleshootingToPlaybook(text, { file, slug });
  const { playbook, errors } = await checkDraft(mdx, draft.slug);
  if (errors.length) {
    // A draft that fails the check is a bug in the importer; show it rather than write it.
    for (const e of errors) console.error(formatContentError(e));
    return 1;
  }
  if (values.draft === true) return saveForReview(draft, author!, file);
  if (!out) {
    process.stdout.write(mdx);
  } else {
    if ((await exists(out)) && values.force !== true) {
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

/** Loaded only here, so the stdout and --out forms need no database. */
async function saveForReview(
  draft: Awaited<ReturnType<typeof troubleshootingToPlaybook>>["draft"],
  email: string,
  file: string,
): Promise<number> {
  const { db } = await import("../lib/db/client");
  const { mayDraft } = await import("../lib/auth/review-permissions");
  const { saveGeneratedDraft } = await import("../lib/import/save-draft");
  const { DraftError } = await import("../lib/drafts/draft-error");
  try {
    const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });
    if (!user) {
      console.error(`--author: there is no user ${email}`);
      return 1;
    }
    const permission = mayDraft(user);
    if (!permission.allowed) {
      console.error(`--author ${email}: ${permission.reason}`);
      return 1;
    }
    const saved = await saveGeneratedDraft(draft, { source: "import", sourceRef: path.basename(file), author: user });
    console.error(`"${draft.title}" saved as a draft for review: ${saved.href} (slug ${saved.slug})`);
    return 0;
  } catch (err) {
    if (err instanceof DraftError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
