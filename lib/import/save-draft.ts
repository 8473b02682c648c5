// Saves a checked playbook draft into content/, where the content index picks it up. Never
// overwrites an existing playbook, and says so plainly when content/ is read-only (then the author
// downloads the draft instead).
import "server-only";
import { constants } from "node:fs";
import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentDir } from "@/lib/playbooks/build-content-index";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "@/lib/playbooks/format";
import { formatContentError } from "@/lib/playbooks/content-error";
import { checkDraft } from "./check-draft";

export class DraftSaveError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 409,
  ) {
    super(message);
    this.name = "DraftSaveError";
  }
}

/** Whether drafts can be saved here at all (the page hides the button when not). */
export async function contentWritable(dir = contentDir()): Promise<boolean> {
  try {
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function savePlaybookDraft(mdx: string, slug: string, dir = contentDir()): Promise<{ file: string }> {
  if (!SLUG_PATTERN.test(slug)) {
    const rule = `lowercase letters, digits, single dashes, at most ${MAX_SLUG_LENGTH} characters`;
    throw new DraftSaveError(`"${slug}" is not a valid playbook slug (${rule})`, 400);
  }
  const { errors } = await checkDraft(mdx, slug);
  if (errors.length)
    throw new DraftSaveError(
      `The draft does not pass the format check:\n${errors.map(formatContentError).join("\n")}`,
      400,
    );
  if (!(await contentWritable(dir)))
    throw new DraftSaveError(`${dir} is not writable on this server; download the draft instead`, 403);
  const file = path.join(dir, `${slug}.mdx`);
  try {
    await writeFile(file, mdx, { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      throw new DraftSaveError(`content/${slug}.mdx already exists; choose another slug`, 409);
    throw err;
  }
  return { file: path.relative(process.cwd(), file) };
}
