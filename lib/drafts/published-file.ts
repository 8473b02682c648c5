// The published side of a draft: content/<slug>.mdx, read to know which version is live, and
// written atomically (a temporary file beside it, then a rename), so the content index never reads
// half a playbook. A new playbook is linked into place, which fails if the name was taken meanwhile.
import "server-only";
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentDir } from "@/lib/playbooks/build-content-index";
import { contentHash } from "@/lib/playbooks/content-hash";
import { DraftError } from "./draft-error";

export interface PublishedVersion {
  source: Buffer;
  hash: string;
}

export function publishedPath(slug: string, dir = contentDir()): string {
  return path.join(dir, `${slug}.mdx`);
}

/** The file as shown to people: content/<slug>.mdx. */
export function publishedName(slug: string): string {
  return `content/${slug}.mdx`;
}

/** The published version of `slug`, or null when nothing is published under it. */
export async function readPublished(slug: string, dir = contentDir()): Promise<PublishedVersion | null> {
  try {
    const source = await readFile(publishedPath(slug, dir));
    return { source, hash: contentHash(source) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

export async function contentWritable(dir = contentDir()): Promise<boolean> {
  try {
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `text` as the playbook's file. `replace: false` refuses (409) if the file exists by the
 * time it is linked in; `replace: true` swaps it in with one rename. The temporary name does not end
 * in .mdx, so neither the index nor its watcher ever sees it.
 */
export async function writePublished(
  slug: string,
  text: string | Uint8Array,
  opts: { replace: boolean; dir?: string },
) {
  const target = publishedPath(slug, opts.dir);
  const temp = path.join(path.dirname(target), `.${slug}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temp, text, { flag: "wx" });
  try {
    if (opts.replace) {
      await rename(temp, target);
      return;
    }
    await link(temp, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") {
      throw new DraftError(`${publishedName(slug)} was published meanwhile; draft again from it.`, 409);
    }
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Puts back what was there before a publish whose record could not be kept. */
export async function restorePublished(slug: string, previous: PublishedVersion | null, dir?: string): Promise<void> {
  if (previous) await writePublished(slug, previous.source, { replace: true, dir });
  else await unlink(publishedPath(slug, dir)).catch(() => undefined);
}
