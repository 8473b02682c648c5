// Publishing: an editor puts a reviewed draft into content/, where it can run. In order:
//  1. the editor permission, the format check, no step declaring less than the classifier finds,
//     and the two-person rule;
//  2. the published file is still the version the draft replaces (or, for a new playbook, there is
//     none), else 409 with the reason;
//  3. the file is written atomically, then the draft is marked published with its audit event in one
//     transaction; if that fails, the file is put back as it was, so neither is kept alone;
//  4. the content index (and with it search) is rebuilt before this returns, so the playbook is
//     served and runnable at once.
// Publishes are serialised in the process, so two cannot interleave between check and write.
import "server-only";
import { reviewUser } from "@/lib/auth/editor";
import { mayReview } from "@/lib/auth/review-permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { contentHash } from "@/lib/playbooks/content-hash";
import { reloadContentIndex } from "@/lib/playbooks/content-index";
import { processSingleton } from "@/lib/process-singleton";
import { withAudit } from "@/lib/runs/audit";
import { playbookHref } from "@/lib/search/playbook-documents";
import { assessDraft } from "./assess-draft";
import { DraftError, noSuchDraft } from "./draft-error";
import { versionName } from "./draft-rules";
import { contentWritable, publishedName, readPublished, restorePublished, writePublished } from "./published-file";
import { publishCheck } from "./publish-check";

export interface PublishedDraft {
  slug: string;
  contentHash: string;
  href: string;
}

export async function publishDraft(o: { draftId: string; user: { id: string; role: Role } }): Promise<PublishedDraft> {
  const permission = mayReview(await reviewUser(o.user));
  if (!permission.allowed) throw new DraftError(permission.reason, 403);
  return serialised(() => publishNow(o.draftId, o.user.id));
}

async function publishNow(draftId: string, publisherId: string): Promise<PublishedDraft> {
  const draft = await db.playbookDraft.findUnique({
    where: { id: draftId },
    select: {
      id: true,
      slug: true,
      mdx: true,
      status: true,
      authorId: true,
      replacesContentHash: true,
      updatedAt: true,
      reviews: { select: { contentHash: true, reviewer: { select: { id: true, role: true, editor: true } } } },
    },
  });
  if (!draft) throw noSuchDraft();
  if (draft.status !== "open") throw new DraftError(`This draft is ${draft.status} already.`, 409);
  const { slug } = draft;
  const file = publishedName(slug);
  if (!(await contentWritable())) {
    throw new DraftError("content/ is not writable on this server: add the draft to the repository instead.", 409);
  }

  const hash = contentHash(draft.mdx);
  const assessment = await assessDraft(draft.mdx, slug);
  const check = await publishCheck({ ...draft, contentHash: hash }, assessment, publisherId);
  if (check.blockers.length) throw new DraftError(check.blockers.join(" "), 422);
  if (check.twoPerson) throw new DraftError(check.twoPerson, 403);
  const { approvers } = check;

  const published = await readPublished(slug);
  const replaces = draft.replacesContentHash;
  if (published && !replaces) {
    throw new DraftError(
      `${file} is published (version ${published.hash}), and this draft does not say it replaces it.`,
      409,
    );
  }
  if (published && replaces !== published.hash) {
    throw new DraftError(
      `${file} changed since this draft was made: it replaces version ${replaces}, and version ${published.hash} ` +
        "is published now. Draft again from the current version.",
      409,
    );
  }
  if (!published && replaces) {
    throw new DraftError(`${file}, which this draft replaces, is no longer published.`, 409);
  }

  await writePublished(slug, draft.mdx, { replace: published !== null });
  try {
    await withAudit(
      async (tx) => {
        const { count } = await tx.playbookDraft.updateMany({
          where: { id: draft.id, status: "open", updatedAt: draft.updatedAt },
          data: { status: "published", decidedById: publisherId, decidedAt: new Date(), publishedHash: hash },
        });
        if (count === 0) throw new DraftError("This draft changed meanwhile: review it again.", 409);
      },
      () => ({
        action: "draft.publish",
        userId: publisherId,
        playbook: versionName(slug, hash),
        detail: JSON.stringify({ draft: draft.id, author: draft.authorId, replaced: replaces, approvers }),
      }),
    );
  } catch (err) {
    await restorePublished(slug, published);
    throw err;
  }

  try {
    await reloadContentIndex();
  } catch (err) {
    // Published and recorded; a watcher or the next start serves it. Say so rather than fail.
    log.error({ err, slug }, "the content index could not be rebuilt after a publish");
  }
  return { slug, contentHash: hash, href: playbookHref(slug) };
}

const queue = processSingleton("publishQueue", () => ({ tail: Promise.resolve() as Promise<unknown> }));

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.tail.then(work, work);
  queue.tail = run.catch(() => undefined);
  return run;
}
