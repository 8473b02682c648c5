// Deletes a draft that was never published (its author or an editor); a published one stays as
// the record of what was reviewed. The audit event keeps the version that was deleted.
import "server-only";
import { reviewUser } from "@/lib/auth/editor";
import { mayDiscardDraft } from "@/lib/auth/review-permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { contentHash } from "@/lib/playbooks/content-hash";
import { withAudit } from "@/lib/runs/audit";
import { DraftError, noSuchDraft } from "./draft-error";
import { versionName } from "./draft-rules";

export async function deleteDraft(o: { draftId: string; user: { id: string; role: Role } }): Promise<void> {
  const draft = await db.playbookDraft.findUnique({
    where: { id: o.draftId },
    select: { id: true, slug: true, mdx: true, status: true, authorId: true },
  });
  if (!draft) throw noSuchDraft();
  const permission = mayDiscardDraft(await reviewUser(o.user), draft);
  if (!permission.allowed) throw new DraftError(permission.reason, 403);
  await withAudit(
    async (tx) => {
      const { count } = await tx.playbookDraft.deleteMany({ where: { id: draft.id, status: { not: "published" } } });
      if (count === 0) throw new DraftError("This draft was published or deleted meanwhile.", 409);
    },
    () => ({
      action: "draft.delete",
      userId: o.user.id,
      playbook: versionName(draft.slug, contentHash(draft.mdx)),
      detail: JSON.stringify({ draft: draft.id, status: draft.status }),
    }),
  );
}
