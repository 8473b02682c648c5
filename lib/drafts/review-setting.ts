// The two-person rule as it stands now, in words for the drafts pages.
import "server-only";
import { countPublishers } from "@/lib/auth/editor";
import { TWO_PERSON_ENV, twoPersonApplies, twoPersonSetting } from "./two-person-rule";

export async function describeReviewRule(): Promise<{ applies: boolean; text: string }> {
  const setting = twoPersonSetting();
  const publishers = await countPublishers();
  const applies = twoPersonApplies(setting, publishers);
  const who = `${publishers} ${publishers === 1 ? "user can" : "users can"} publish`;
  const why =
    setting === "auto"
      ? `${who}; it applies once two can (${TWO_PERSON_ENV}=auto)`
      : `${TWO_PERSON_ENV}=${setting}; ${who}`;
  return {
    applies,
    text: applies
      ? `Two-person review is on: a draft with change or danger steps needs an editor other than its author (${why}).`
      : `Two-person review is off: an editor may publish their own drafts (${why}).`,
  };
}
