// Replaces an open draft's text (its author or an editor), after the same format check as when it
// was made. Approvals name the version they approved, so they lapse with the edit.
import "server-only";
import { reviewUser } from "@/lib/auth/editor";
import { mayEditDraft } from "@/lib/auth/review-permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { contentHash } from "@/lib/playbooks/content-hash";
import { withAudit } from "@/lib/runs/audit";
import { draftHref, type DraftRef } from "./create-draft";
import { DraftError, noSuchDraft } from "./draft-error";
import { checkDraftText, versionName } from "./draft-rules";

export interface UpdateDraftOptions {
  draftId: string;
  user: { id: string; role: Role };
  mdx: string;
  /** The version the editor started from; a different one now means someone else edited it. */
  from?: string;
}

export async function updateDraft(o: UpdateDraftOptions): Promise<DraftRef> {
  const draft = await db.playbookDraft.findUnique({
    where: { id: o.draftId },
    select: { id: true, slug: true, mdx: true, status: true, authorId: true, updatedAt: true },
  });
  if (!draft) throw noSuchDraft();
  const permission = mayEditDraft(await reviewUser(o.user), draft);
  if (!permission.allowed) throw new DraftError(permission.reason, 403);
  const before = contentHash(draft.mdx);
  if (o.from && o.from !== before) {
    throw new DraftError("Someone edited this draft meanwhile: reload it and make your change again.", 409);
  }
  const playbook = await checkDraftText(o.mdx, draft.slug);
  const hash = contentHash(o.mdx);
  if (hash === before) return { id: draft.id, slug: draft.slug, contentHash: hash, href: draftHref(draft.id) };
  await withAudit(
    async (tx) => {
      const { count } = await tx.playbookDraft.updateMany({
        where: { id: draft.id, status: "open", updatedAt: draft.updatedAt },
        data: { mdx: o.mdx, title: playbook.title },
      });
      if (count === 0) throw new DraftError("This draft changed meanwhile: reload it and try again.", 409);
    },
    () => ({
      action: "draft.update",
      userId: o.user.id,
      playbook: versionName(draft.slug, hash),
      detail: JSON.stringify({ draft: draft.id, from: before }),
    }),
  );
  return { id: draft.id, slug: draft.slug, contentHash: hash, href: draftHref(draft.id) };
}
