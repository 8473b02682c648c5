import { describe, expect, it } from "vitest";
import { twoPersonApplies, twoPersonRefusal, twoPersonSetting } from "./two-person-rule";

describe("the two-person rule's setting", () => {
  it("is auto unless CASEBOOK_TWO_PERSON_REVIEW says on or off", () => {
    expect(twoPersonSetting({})).toBe("auto");
    expect(twoPersonSetting({ CASEBOOK_TWO_PERSON_REVIEW: "off" })).toBe("off");
    expect(twoPersonSetting({ CASEBOOK_TWO_PERSON_REVIEW: " ON " })).toBe("on");
  });

  it("reads a value it does not know as on, the strict choice", () => {
    expect(twoPersonSetting({ CASEBOOK_TWO_PERSON_REVIEW: "of" })).toBe("on");
  });

  it("applies under auto once two or more users can publish, so a one-person install still works", () => {
    expect(twoPersonApplies("auto", 1)).toBe(false);
    expect(twoPersonApplies("auto", 2)).toBe(true);
    expect(twoPersonApplies("on", 1)).toBe(true);
    expect(twoPersonApplies("off", 5)).toBe(false);
  });
});

describe("the two-person rule", () => {
  const base = { applies: true, highest: "change" as const, authorId: "author", approvers: [] as string[] };

  it("refuses an author who would be the only reviewer of a draft with change steps", () => {
    expect(twoPersonRefusal({ ...base, publisherId: "author" })).toMatch(
      /change steps, so someone other than its author must approve it/,
    );
    expect(twoPersonRefusal({ ...base, highest: "danger", publisherId: "author", approvers: ["author"] })).toMatch(
      /danger steps/,
    );
  });

  it("lets the author publish once another editor approved this version", () => {
    expect(twoPersonRefusal({ ...base, publisherId: "author", approvers: ["second"] })).toBeNull();
  });

  it("lets another editor publish: reviewing and publishing is their review", () => {
    expect(twoPersonRefusal({ ...base, publisherId: "second" })).toBeNull();
  });

  it("does not apply to read-only drafts, when it is off, or when the author is gone", () => {
    expect(twoPersonRefusal({ ...base, highest: "read", publisherId: "author" })).toBeNull();
    expect(twoPersonRefusal({ ...base, applies: false, publisherId: "author" })).toBeNull();
    expect(twoPersonRefusal({ ...base, authorId: null, publisherId: "anyone" })).toBeNull();
  });
});
