// `npm run import:playbook -- FILE [--out FILE [--force]] [--draft --author EMAIL] [--slug SLUG]`:
// turns a TROUBLESHOOTING.md-style guide into a playbook draft that passes the format check.
// Without --out or --draft the MDX goes to stdout. It never writes into content/: --draft stores
// it in the database for review (see docs/review.md), where it cannot run until an editor publishes it.
//
// `npm run import:playbook -- FILE|DIR|GLOB … [--out DIR [--force]] [--draft --author EMAIL]`
// imports a batch: DIR/NAME.mdx each, or a draft each, with slugs unique across the batch; without
// --out or --draft it only reports. Each file's import report goes to stderr (not with --quiet), then
// one summary table to stdout. A file that fails is a row of the table, never the end of the batch;
// the exit code is 1 if any failed.
import { access, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkDraft } from "../lib/import/check-draft";
import {
  formatImportReport,
  formatSummaryTable,
  summariseImport,
  type ImportSummary,
} from "../lib/import/format-report";
import type { ImportReport } from "../lib/import/import-report";
import type { PlaybookDraft } from "../lib/import/playbook-draft";
import { troubleshootingToPlaybook } from "../lib/import/troubleshooting-to-playbook";
import { formatContentError } from "../lib/playbooks/content-error";
import { contentDir } from "../lib/playbooks/build-content-index";
import { MAX_SLUG_LENGTH, RISKS } from "../lib/playbooks/format";
import { parseCommand } from "./lib/cli";
import { namedGuides } from "./lib/guide-files";

const USAGE = [
  "usage: npm run import:playbook -- FILE [--out FILE [--force]] [--draft --author EMAIL] [--slug SLUG] [--quiet]",
  "       npm run import:playbook -- FILE|DIR|GLOB … [--out DIR [--force]] [--draft --author EMAIL] [--quiet]",
].join("\n");

/** Where the drafts go: stdout (one file only), files, the database, or nowhere (a batch's report). */
type Target =
  | { kind: "stdout" }
  | { kind: "report" }
  | { kind: "files"; out: string; intoDir: boolean; force: boolean }
  | { kind: "drafts"; author: { id: string } };

interface Imported {
  draft: PlaybookDraft;
  mdx: string;
  report: ImportReport;
}

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

/** The slug itself, or with -2, -3… when an earlier file of the batch took it. */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) {
    const suffix = `-${n}`;
    unique = `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
  taken.add(unique);
  return unique;
}

/** The guide as a checked draft, or why not (a message for the file's row). */
async function importGuide(file: string, slug: string | undefined, taken: Set<string>): Promise<Imported | string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    return `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  let imported: Imported;
  try {
    imported = await troubleshootingToPlaybook(text, { file, slug });
  } catch (err) {
    // The importer must take any Markdown; a throw is its bug, reported for this file only.
    return `the importer failed: ${(err as Error).message}`;
  }
  const unique = uniqueSlug(imported.draft.slug, taken);
  const draft = { ...imported.draft, slug: unique };
  const report = { ...imported.report, slug: unique };
  const { errors } = await checkDraft(imported.mdx, unique);
  if (errors.length) {
    // A draft that fails the check is a bug in the importer; show it rather than write it.
    return `the draft fails the format check:\n${errors.map(formatContentError).join("\n")}`;
  }
  return { draft, mdx: imported.mdx, report };
}

/** Writes or stores one draft; the row's message says where it went, or why it did not. */
async function deliver(file: string, imported: Imported, target: Target): Promise<{ ok: boolean; message?: string }> {
  switch (target.kind) {
    case "stdout":
      process.stdout.write(imported.mdx);
      return { ok: true, message: "stdout" };
    case "report":
      return { ok: true };
    case "files": {
      const out = target.intoDir ? path.join(target.out, `${imported.draft.slug}.mdx`) : target.out;
      if ((await exists(out)) && !target.force) return { ok: false, message: `${out} already exists; pass --force` };
      await writeFile(out, imported.mdx);
      return { ok: true, message: out };
    }
    case "drafts": {
      const { saveGeneratedDraft } = await import("../lib/import/save-draft");
      const { DraftError } = await import("../lib/drafts/draft-error");
      try {
        const saved = await saveGeneratedDraft(imported.draft, {
          source: "import",
          sourceRef: path.basename(file),
          author: target.author,
          // Stored as the upload stores it: under the file's name, not a path on this machine.
          importReport: { ...imported.report, file: path.basename(file) },
        });
        return { ok: true, message: `saved as a draft for review: ${saved.href} (slug ${saved.slug})` };
      } catch (err) {
        if (err instanceof DraftError) return { ok: false, message: err.message };
        throw err;
      }
    }
  }
}

/** Set once --draft opened the database: its pool must be closed, or a PostgreSQL one keeps the process alive. */
let databaseOpened = false;

/** The --draft author, looked up once for the batch; null after saying why not. */
async function draftAuthor(email: string): Promise<{ id: string } | null> {
  const { db } = await import("../lib/db/client");
  databaseOpened = true;
  const { mayDraft } = await import("../lib/auth/review-permissions");
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });
  if (!user) {
    console.error(`--author: there is no user ${email}`);
    return null;
  }
  const permission = mayDraft(user);
  if (!permission.allowed) {
    console.error(`--author ${email}: ${permission.reason}`);
    return null;
  }
  return { id: user.id };
}

async function chooseTarget(values: Record<string, string | boolean | undefined>, many: boolean) {
  const out = typeof values.out === "string" ? values.out : undefined;
  const author = typeof values.author === "string" ? values.author : undefined;
  if (values.draft === true && !author) {
    console.error(`--draft needs --author EMAIL: the operator the draft is from\n${USAGE}`);
    return 2;
  }
  if (many && typeof values.slug === "string") {
    console.error(`--slug names one file's draft; a batch takes each slug from its guide's title\n${USAGE}`);
    return 2;
  }
  if (out && insideContent(many ? path.join(out, "x.mdx") : out)) {
    console.error(
      `${out}: ${contentDir()} holds reviewed playbooks only: save the draft for review with --draft --author EMAIL, ` +
        "or write it elsewhere",
    );
    return 1;
  }
  if (values.draft === true) {
    const user = await draftAuthor(author!);
    return user ? ({ kind: "drafts", author: user } as const) : 1;
  }
  if (!out) return many ? ({ kind: "report" } as const) : ({ kind: "stdout" } as const);
  const isDir = (await stat(out).catch(() => null))?.isDirectory() ?? false;
  if (many && !isDir) await mkdir(out, { recursive: true });
  return { kind: "files", out, intoDir: many || isDir, force: values.force === true } as const;
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(
    args,
    {
      out: { type: "string" },
      force: { type: "boolean" },
      draft: { type: "boolean" },
      author: { type: "string" },
      slug: { type: "string" },
      quiet: { type: "boolean" },
    },
    USAGE,
    1,
    Infinity,
  );
  if ("exit" in command) return command.exit;
  const { positionals, values } = command;
  const guides = await namedGuides(positionals);
  const target = await chooseTarget(values, guides.many);
  if (typeof target === "number") return target;
  const explicitSlug = typeof values.slug === "string" ? values.slug : undefined;
  const slug =
    explicitSlug ?? (target.kind === "files" && !target.intoDir ? path.basename(target.out, ".mdx") : undefined);

  const rows: ImportSummary[] = guides.unmatched.map((arg) => ({
    file: arg,
    status: "failed",
    message: "names no Markdown file",
  }));
  const taken = new Set<string>();
  for (const file of guides.files) {
    const imported = await importGuide(file, slug, taken);
    if (typeof imported === "string") {
      rows.push({ file, status: "failed", message: imported });
      continue;
    }
    if (values.quiet !== true) console.error(`${formatImportReport(imported.report)}\n`);
    const row = summariseImport(file, imported);
    try {
      const delivered = await deliver(file, imported, target);
      rows.push({ ...row, status: delivered.ok ? "ok" : "failed", message: delivered.message });
    } catch (err) {
      rows.push({ ...row, status: "failed", message: `${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    }
  }

  if (guides.many) {
    // stdout holds the table alone, so it can be kept or piped; the reports went to stderr.
    const shown = rows.map((r) => (r.status === "ok" && target.kind === "files" ? { ...r, message: undefined } : r));
    process.stdout.write(`${formatSummaryTable(shown)}\n`);
  } else {
    for (const row of rows) console.error(oneFileSummary(row, target));
  }
  return rows.some((r) => r.status === "failed") ? 1 : 0;
}

/** One file's outcome in a line, as the command always said it. */
function oneFileSummary(row: ImportSummary, target: Target): string {
  if (row.status === "failed") return `${row.file}: ${row.message ?? "failed"}`;
  if (target.kind === "drafts") return `"${row.title}" ${row.message}`;
  const steps = row.steps ?? { read: 0, change: 0, danger: 0 };
  const total = RISKS.reduce((n, risk) => n + steps[risk], 0);
  const byRisk = RISKS.map((risk) => `${steps[risk]} ${risk}`).join(", ");
  return (
    `${row.message}: "${row.title}" — ${total} steps (${byRisk}), ${row.symptoms} symptoms.` +
    " Review it before publishing."
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  if (databaseOpened) await (await import("../lib/db/client")).db.$disconnect();
}
