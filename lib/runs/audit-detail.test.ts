import { describe, expect, it } from "vitest";
import { auditDetailView, FOLD_AFTER_LINES } from "./audit-detail";

describe("auditDetailView", () => {
  it("keeps free text as it is", () => {
    expect(auditDetailView("local agent")).toEqual({ kind: "text", text: "local agent" });
    expect(auditDetailView("{not json")).toEqual({ kind: "text", text: "{not json" });
    expect(auditDetailView("42")).toEqual({ kind: "text", text: "42" });
  });

  it("shows flat JSON as key: value pairs, in the recorded order", () => {
    const detail = JSON.stringify({ target: "u1", email: "temp@casebook.test", role: "operator", editor: false });
    expect(auditDetailView(detail)).toEqual({
      kind: "fields",
      fields: [
        { key: "target", value: "u1" },
        { key: "email", value: "temp@casebook.test" },
        { key: "role", value: "operator" },
        { key: "editor", value: "false" },
      ],
    });
  });

  it("indents nested JSON and folds it behind a summary when it is long", () => {
    const detail = JSON.stringify({ before: { users: ["a", "b"] }, after: { users: ["a", "b", "c"] } });
    const view = auditDetailView(detail);
    expect(view).toMatchObject({ kind: "json", summary: "2 fields: before, after", long: true });
    if (view.kind !== "json") throw new Error("expected json");
    expect(view.pretty.split("\n").length).toBeGreaterThan(FOLD_AFTER_LINES);
    expect(JSON.parse(view.pretty)).toEqual(JSON.parse(detail));
  });

  it("leaves short nested JSON unfolded", () => {
    expect(auditDetailView('{"a":{}}')).toMatchObject({ kind: "json", summary: "1 field: a", long: false });
    expect(auditDetailView("[1,2]")).toMatchObject({ kind: "json", summary: "2 items", long: false });
  });
});
