// An editor's decision short of publishing: approve a version of a draft (which lets its author
// publish it under the two-person rule), or reject it with a reason. Each is audited with the
// version it was about.
import "server-only";
import { reviewUser } from "@/lib/auth/editor";
import { mayReview } from "@/lib/auth/review-permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { contentHash } from "@/lib/playbooks/content-hash";
import { withAudit } from "@/lib/runs/audit";
import { DraftError, noSuchDraft } from "./draft-error";
import { versionName } from "./draft-rules";

export interface ReviewOptions {
  draftId: string;
  user: { id: string; role: Role };
}

async function openDraftForReview(o: ReviewOptions) {
  const permission = mayReview(await reviewUser(o.user));
  if (!permission.allowed) throw new DraftError(permission.reason, 403);
  const draft = await db.playbookDraft.findUnique({
    where: { id: o.draftId },
    select: { id: true, slug: true, mdx: true, status: true, authorId: true, updatedAt: true },
  });
  if (!draft) throw noSuchDraft();
  if (draft.status !== "open") throw new DraftError(`This draft is ${draft.status} already.`, 409);
  return { ...draft, hash: contentHash(draft.mdx) };
}

export async function approveDraft(o: ReviewOptions & { note?: string }): Promise<void> {
  const draft = await openDraftForReview(o);
  if (draft.authorId === o.user.id) {
    throw new DraftError("You wrote this draft: another editor's approval is what counts as a review.", 403);
  }
  const already = await db.draftReview.findFirst({
    where: { draftId: draft.id, reviewerId: o.user.id, contentHash: draft.hash },
    select: { id: true },
  });
  if (already) throw new DraftError("You approved this version already.", 409);
  await withAudit(
    (tx) =>
      tx.draftReview.create({
        data: { draftId: draft.id, reviewerId: o.user.id, contentHash: draft.hash, note: o.note ?? "" },
      }),
    () => ({
      action: "draft.review",
      userId: o.user.id,
      playbook: versionName(draft.slug, draft.hash),
      detail: JSON.stringify({ draft: draft.id, verdict: "approve", note: o.note ?? "" }),
    }),
  );
}

export async function rejectDraft(o: ReviewOptions & { reason: string }): Promise<void> {
  const draft = await openDraftForReview(o);
  await withAudit(
    async (tx) => {
      // Only if nobody decided it meanwhile: a draft is published or rejected once.
      const { count } = await tx.playbookDraft.updateMany({
        where: { id: draft.id, status: "open" },
        data: { status: "rejected", decidedById: o.user.id, decidedAt: new Date(), reason: o.reason },
      });
      if (count === 0) throw new DraftError("This draft was decided meanwhile.", 409);
    },
    () => ({
      action: "draft.reject",
      userId: o.user.id,
      playbook: versionName(draft.slug, draft.hash),
      detail: JSON.stringify({ draft: draft.id, reason: o.reason }),
    }),
  );
}
