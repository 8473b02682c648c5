// What stands between a draft and publishing, for one would-be publisher: the format check, steps
// that declare less than the classifier finds, and the two-person rule. publishDraft refuses with
// these reasons; the review page shows them before anyone clicks.
import "server-only";
import { countPublishers } from "@/lib/auth/editor";
import { isEditor } from "@/lib/auth/review-permissions";
import { publishBlockers, type DraftAssessment } from "./assess-draft";
import { twoPersonApplies, twoPersonRefusal, twoPersonSetting, type TwoPersonSetting } from "./two-person-rule";

export interface ReviewedDraft {
  authorId: string | null;
  /** The hash of the draft's text now. */
  contentHash: string;
  reviews: Array<{ contentHash: string; reviewer: { id: string; role: string; editor: boolean } | null }>;
}

export interface PublishCheck {
  /** Problems in the draft itself (422). */
  blockers: string[];
  /** The two-person rule's refusal for this publisher (403), or null. */
  twoPerson: string | null;
  rule: { setting: TwoPersonSetting; applies: boolean; publishers: number };
  /** Editors whose approval of this version counts. */
  approvers: string[];
}

export async function publishCheck(
  draft: ReviewedDraft,
  assessment: DraftAssessment,
  publisherId: string,
): Promise<PublishCheck> {
  const setting = twoPersonSetting();
  const publishers = await countPublishers();
  const applies = twoPersonApplies(setting, publishers);
  // Only approvals of this version, by people who can still review, count.
  const approvers = draft.reviews
    .filter((r) => r.contentHash === draft.contentHash && r.reviewer && isEditor(r.reviewer))
    .map((r) => r.reviewer!.id);
  const twoPerson = twoPersonRefusal({
    applies,
    highest: assessment.highest,
    authorId: draft.authorId,
    publisherId,
    approvers,
  });
  return { blockers: publishBlockers(assessment), twoPerson, rule: { setting, applies, publishers }, approvers };
}
