// Who may draft, review and publish playbooks. A draft is content nobody has reviewed, so it never
// runs; the editor permission is what lets it into content/. Admins always hold it, and an admin can
// grant it to operators (User.editor). Pages, actions and route handlers all ask here. Client-safe.
import type { Permission } from "./permissions";
import { hasRole } from "./roles";

/** A user as these rules need them; `editor` is the flag an admin grants (User.editor). */
export interface ReviewUser {
  id: string;
  role: string;
  editor: boolean;
}

/** A draft as these rules need it. */
export interface OwnedDraft {
  authorId: string | null;
  status: string;
}

const ALLOWED: Permission = { allowed: true };
const refuse = (reason: string): Permission => ({ allowed: false, reason });

/**
 * Admins, and operators with the flag. The flag counts only while the user is an operator, so a
 * demotion to viewer takes the permission with it.
 */
export function isEditor(user: Pick<ReviewUser, "role" | "editor">): boolean {
  return hasRole(user, "admin") || (user.editor && hasRole(user, "operator"));
}

/** Writing a draft (from an incident, an import or an upload) is for those who can run steps. */
export function mayDraft(user: Pick<ReviewUser, "role">): Permission {
  return hasRole(user, "operator") ? ALLOWED : refuse("Drafting playbooks needs the operator role.");
}

/** Approving, rejecting and publishing drafts. */
export function mayReview(user: Pick<ReviewUser, "role" | "editor">): Permission {
  return isEditor(user)
    ? ALLOWED
    : refuse("Reviewing and publishing drafts needs the editor permission; an admin can grant it to operators.");
}

function authorOrEditor(user: ReviewUser, draft: OwnedDraft, doing: string): Permission {
  if (isEditor(user) || (draft.authorId !== null && draft.authorId === user.id)) return ALLOWED;
  return refuse(`Only the draft's author or an editor may ${doing} it.`);
}

/** Replacing a draft's MDX: its author or an editor, while it is open (approvals then lapse). */
export function mayEditDraft(user: ReviewUser, draft: OwnedDraft): Permission {
  if (draft.status !== "open") return refuse(`This draft is ${draft.status}; it can no longer change.`);
  return authorOrEditor(user, draft, "edit");
}

/** Deleting a draft that was never published: its author or an editor. */
export function mayDiscardDraft(user: ReviewUser, draft: OwnedDraft): Permission {
  if (draft.status === "published") return refuse("A published draft is kept as the record of what was reviewed.");
  return authorOrEditor(user, draft, "delete");
}
