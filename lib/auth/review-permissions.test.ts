import { describe, expect, it } from "vitest";
import { isEditor, mayDiscardDraft, mayDraft, mayEditDraft, mayReview } from "./review-permissions";

const admin = { id: "a", role: "admin" as const, editor: false };
const operator = { id: "o", role: "operator" as const, editor: false };
const editor = { id: "e", role: "operator" as const, editor: true };
const viewer = { id: "v", role: "viewer" as const, editor: true };

describe("the editor permission", () => {
  it("is held by admins, and by operators an admin granted it to", () => {
    expect(isEditor(admin)).toBe(true);
    expect(isEditor(editor)).toBe(true);
    expect(isEditor(operator)).toBe(false);
  });

  it("lapses with the operator role: a viewer's left-over flag grants nothing", () => {
    expect(isEditor(viewer)).toBe(false);
    expect(isEditor({ role: "superuser", editor: true })).toBe(false);
  });

  it("is what reviewing and publishing need, with a reason when it is missing", () => {
    expect(mayReview(editor).allowed).toBe(true);
    expect(mayReview(operator)).toEqual({
      allowed: false,
      reason: "Reviewing and publishing drafts needs the editor permission; an admin can grant it to operators.",
    });
  });
});

describe("drafts", () => {
  const mine = { authorId: "o", status: "open" };
  it("are written by operators, not viewers", () => {
    expect(mayDraft(operator).allowed).toBe(true);
    expect(mayDraft(viewer)).toEqual({ allowed: false, reason: "Drafting playbooks needs the operator role." });
  });

  it("are edited and deleted by their author or an editor, and only while open", () => {
    expect(mayEditDraft(operator, mine).allowed).toBe(true);
    expect(mayEditDraft(editor, mine).allowed).toBe(true);
    expect(mayEditDraft({ ...operator, id: "other" }, mine).allowed).toBe(false);
    expect(mayEditDraft(operator, { ...mine, status: "published" })).toEqual({
      allowed: false,
      reason: "This draft is published; it can no longer change.",
    });
    expect(mayDiscardDraft({ ...operator, id: "other" }, mine).allowed).toBe(false);
    expect(mayDiscardDraft(admin, { authorId: null, status: "rejected" }).allowed).toBe(true);
    expect(mayDiscardDraft(operator, { ...mine, status: "published" }).allowed).toBe(false);
  });
});
