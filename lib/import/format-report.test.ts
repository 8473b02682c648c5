// The terminal report and the batch table: every part of the report appears under its heading with
// the source's file:line, and nothing is wider than the terminal it was made for.
import { describe, expect, it } from "vitest";
import { exampleImportReport } from "@/testing/import-report-example";
import { formatImportReport, formatSummaryTable, wrap, type ImportSummary } from "./format-report";

const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("formatImportReport", () => {
  const text = formatImportReport(exampleImportReport());

  it("leads with the file, slug and title, and counts each part", () => {
    const [head, counts] = text.split("\n");
    expect(head).toBe('guides/TROUBLESHOOTING.md → web-app-behind-nginx "Web app behind nginx"');
    expect(counts).toBe(
      "  2 steps (1 read, 1 change, 0 danger), 1 problem, 3 blocks kept out of steps, 1 input, 1 note",
    );
  });

  it("groups the parts, each item at its source line", () => {
    const headings = text.split("\n").filter((l) => /^ {2}\S/.test(l) && !/^ {2}\d/.test(l));
    expect(headings).toEqual([
      "  Problems (1)",
      "  Steps made (2)",
      "  Blocks kept as prose, output or symptoms (3)",
      "  Placeholders made inputs (1)",
      "  Notes (1)",
    ]);
    expect(text).toContain("    guides/TROUBLESHOOTING.md:12 502 Bad Gateway after a deploy\n");
    expect(text).toContain("        steps: check-upstream, restart-app\n");
    expect(text).toContain(
      "    guides/TROUBLESHOOTING.md:27 restart-app\n        change, fix, root: Restart the app\n",
    );
    expect(text).toContain("        why change: `systemctl restart webapp` starts, stops or restarts a service\n");
    expect(text).toContain("    guides/TROUBLESHOOTING.md:22 output (```text) → expected output of check-upstream\n");
    expect(text).toContain("    guides/TROUBLESHOOTING.md:40 config (```nginx) → kept as prose\n");
    expect(text).toContain('    guides/TROUBLESHOOTING.md:8 output → symptoms "502 Bad Gateway"\n');
    expect(text).toContain("    guides/TROUBLESHOOTING.md:27 <service-name> → SERVICE_NAME\n");
    expect(text).toMatch(/ {4}guides\/TROUBLESHOOTING\.md:3 MkDocs admonition/);
    // A block that became a step is listed with its step, not again among the blocks.
    expect(text).not.toContain(":18 commands");
  });

  it("wraps long reasons under their item and stays within the width", () => {
    const report = exampleImportReport("a/rather/deep/folder/of/guides/for/the/platform/team/TROUBLESHOOTING.md");
    report.steps[0]!.riskReason = "word ".repeat(60).trim();
    report.notes[0]!.message = `a path /${"x".repeat(150)} too long for a line`;
    const wrapped = formatImportReport(report, 100);
    expect(widest(wrapped)).toBeLessThanOrEqual(100);
    expect(wrapped).toMatch(/\n {8}why read: word word[^\n]*\n {8}word word/);
    expect(widest(formatImportReport(report, 60))).toBeLessThanOrEqual(60);
  });

  it("leaves out the parts a report does not have", () => {
    const bare = { ...exampleImportReport(), problems: [], blocks: [], placeholders: [], notes: [] };
    const text = formatImportReport(bare);
    expect(text).toContain("Steps made (2)");
    expect(text).not.toMatch(/Problems|Blocks kept|Placeholders|Notes/);
  });

  it("writes a bare file name for a line it does not know", () => {
    const report = {
      ...exampleImportReport("g.md"),
      notes: [{ line: 0, message: "no heading: titled from the file" }],
    };
    expect(formatImportReport(report)).toContain("\n    g.md no heading: titled from the file");
  });
});

describe("wrap", () => {
  it("breaks at spaces, indents the lines after the first, and cuts a word longer than a line", () => {
    expect(wrap("one two three four", 10, "", "  ")).toEqual(["one two", "  three", "  four"]);
    expect(wrap("abcdefghijklmnop", 6, "", "")).toEqual(["abcdef", "ghijkl", "mnop"]);
    expect(wrap("", 10, "  ")).toEqual([""]);
  });
});

describe("formatSummaryTable", () => {
  const ok = (file: string, slug: string, title: string): ImportSummary => ({
    file,
    slug,
    title,
    status: "ok",
    steps: { read: 3, change: 1, danger: 0 },
    symptoms: 4,
    inputs: 1,
    notes: 2,
  });

  it("has a row per file, numbers on the right, totals, and each failure's reason", () => {
    const table = formatSummaryTable([
      ok("docs/pods.md", "kubernetes-pods", "Kubernetes pods"),
      { file: "docs/broken.md", status: "failed", message: "cannot read (EACCES)" },
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^FILE {2,}SLUG {2,}TITLE {2,}STEPS r\/c\/d {2}SYMPTOMS {2}INPUTS {2}NOTES {2}STATUS$/);
    expect(lines[1]).toMatch(
      /^docs\/pods\.md {2,}kubernetes-pods {2,}Kubernetes pods {2,}3\/1\/0 {9}4 {7}1 {6}2 {2}ok$/,
    );
    expect(lines[2]).toMatch(/^docs\/broken\.md {2,}- {2,}- {2,}- .* failed$/);
    expect(table).toContain("2 files: 1 ok, 1 failed; 4 steps (3 read, 1 change, 0 danger)");
    expect(table).toContain("docs/broken.md: cannot read (EACCES)");
  });

  it("fits 100 columns: long paths keep their end, long titles their start", () => {
    const table = formatSummaryTable([
      ok(`guides/${"platform/".repeat(8)}networking/dns-resolution.md`, "dns-resolution", "DNS ".repeat(30).trim()),
      ok("b.md", `slug-${"x".repeat(70)}`, "Short"),
    ]);
    expect(widest(table)).toBeLessThanOrEqual(100);
    expect(table).toMatch(/…[a-z/]*dns-resolution\.md/);
    expect(table).toMatch(/DNS DNS[ A-Z]*…/);
    expect(table).toMatch(/slug-x+…/);
  });
});
