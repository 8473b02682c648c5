// The shapes of a draft every draft module shares: where it came from, where it is in review, and
// the checks on its slug and text that creating and editing it both apply.
import { checkDraft } from "@/lib/import/check-draft";
import { formatContentError } from "@/lib/playbooks/content-error";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "@/lib/playbooks/format";
import type { Playbook } from "@/lib/playbooks/types";
import { DraftError } from "./draft-error";

export const DRAFT_SOURCES = ["incident", "import", "upload"] as const;
export type DraftSource = (typeof DRAFT_SOURCES)[number];

export const DRAFT_STATUSES = ["open", "published", "rejected"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** Drafts are playbooks: the same bound as the request bodies that carry them. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

export function checkSlug(slug: string): void {
  if (SLUG_PATTERN.test(slug)) return;
  const rule = `lowercase letters, digits, single dashes, at most ${MAX_SLUG_LENGTH} characters`;
  throw new DraftError(`"${slug.slice(0, 120)}" is not a valid playbook slug (${rule})`, 400);
}

/** The playbook the draft would publish as, or a 400 naming every file:line problem. */
export async function checkDraftText(mdx: string, slug: string): Promise<Playbook> {
  if (Buffer.byteLength(mdx) > MAX_DRAFT_BYTES) {
    throw new DraftError(`The draft is over ${MAX_DRAFT_BYTES} bytes; a playbook that long cannot be reviewed`, 400);
  }
  const { playbook, errors } = await checkDraft(mdx, slug);
  if (!playbook || errors.length) {
    const list = errors.map(formatContentError).join("\n");
    throw new DraftError(`The draft does not pass the content check:\n${list}`, 400);
  }
  return playbook;
}

/** The audit trail names a playbook version as slug@hash, as step runs do. */
export const versionName = (slug: string, hash: string): string => `${slug}@${hash}`;
