// The two-person rule: a draft with change or danger steps needs a reviewer other than its author,
// as a pull request does. It is a deployment setting, not a page an admin can flip (see
// docs/decisions.md): CASEBOOK_TWO_PERSON_REVIEW=auto (the default) turns it on once two or more
// users can publish, so a one-person install still works; `on` and `off` force it.
import { riskWithin, type Risk } from "@/lib/playbooks/format";

export const TWO_PERSON_SETTINGS = ["auto", "on", "off"] as const;
export type TwoPersonSetting = (typeof TWO_PERSON_SETTINGS)[number];

export const TWO_PERSON_ENV = "CASEBOOK_TWO_PERSON_REVIEW";

/** A value it does not know reads as `on`: a typo must not switch review off. */
export function twoPersonSetting(env: Record<string, string | undefined> = process.env): TwoPersonSetting {
  const raw = env[TWO_PERSON_ENV]?.trim().toLowerCase();
  if (!raw) return "auto";
  return (TWO_PERSON_SETTINGS as readonly string[]).includes(raw) ? (raw as TwoPersonSetting) : "on";
}

/** Whether the rule holds now, given how many users can publish (editors, admins included). */
export function twoPersonApplies(setting: TwoPersonSetting, publishers: number): boolean {
  return setting === "on" || (setting === "auto" && publishers >= 2);
}

export interface TwoPersonCase {
  applies: boolean;
  /** The draft's highest step risk, declared or classified, whichever is higher. */
  highest: Risk;
  authorId: string | null;
  /** Who would publish it; publishing is their review. */
  publisherId: string;
  /** Editors who approved the draft's current version. */
  approvers: readonly string[];
}

/** Why this publish breaks the rule, or null. An author who no longer exists cannot be the reviewer. */
export function twoPersonRefusal(c: TwoPersonCase): string | null {
  if (!c.applies || riskWithin(c.highest, "read") || c.authorId === null) return null;
  const reviewers = new Set([...c.approvers, c.publisherId]);
  if ([...reviewers].some((id) => id !== c.authorId)) return null;
  return (
    `This draft has ${c.highest} steps, so someone other than its author must approve it before it is ` +
    "published: ask another editor to review it."
  );
}
