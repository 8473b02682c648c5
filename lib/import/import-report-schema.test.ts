// A stored import report is read back through its schema: a good one as it was, an older one with
// fewer parts as empty lists, and anything else as no report (so the review page still renders).
import { describe, expect, it } from "vitest";
import { exampleImportReport } from "@/testing/import-report-example";
import { readImportReport } from "./import-report-schema";

describe("readImportReport", () => {
  it("reads a report back as it was stored (through JSON, as the database keeps it)", () => {
    const report = exampleImportReport();
    expect(readImportReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("reads a report with fewer parts as one with empty lists, and drops fields it does not know", () => {
    const old = { file: "a.md", title: "A", slug: "a", steps: [], somethingNew: 1 };
    expect(readImportReport(old)).toEqual({
      file: "a.md",
      title: "A",
      slug: "a",
      problems: [],
      steps: [],
      blocks: [],
      placeholders: [],
      notes: [],
    });
  });

  it("reads no report at all, and anything out of shape, as null", () => {
    const report = exampleImportReport();
    expect(readImportReport(null)).toBeNull();
    expect(readImportReport(undefined)).toBeNull();
    expect(readImportReport("a report")).toBeNull();
    expect(readImportReport([report])).toBeNull();
    expect(readImportReport({ ...report, title: 3 })).toBeNull();
    expect(readImportReport({ ...report, steps: [{ ...report.steps[0], risk: "catastrophic" }] })).toBeNull();
    expect(readImportReport({ ...report, blocks: [{ ...report.blocks[0], decision: { kind: "run" } }] })).toBeNull();
    expect(readImportReport({ ...report, notes: [{ line: -1, message: "x" }] })).toBeNull();
  });
});
