import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importClosure, parserFingerprint, sourceRoot } from "./parser-fingerprint";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "casebook-fingerprint-"));
  write("package-lock.json", "{}");
  write("lib/playbooks/parse-job.ts", 'import { a } from "./a";\nimport type { R } from "@/agent/src/risk";\n');
  write("lib/playbooks/a.ts", 'import "./b";\nimport { z } from "zod";\nexport const a = 1;\n');
  write("lib/playbooks/b.ts", 'export const c = () => import("./c");\n');
  write("lib/playbooks/c.ts", "export {};\n");
  write("lib/playbooks/unused.ts", "export {};\n");
  write("agent/src/risk.ts", "export type R = 1;\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the parser's fingerprint", () => {
  it("covers the modules the content check imports, directly or not, and no others", () => {
    const files = importClosure(root, path.join(root, "lib/playbooks/parse-job.ts")).map((f) => path.relative(root, f));
    expect(files).toEqual([
      "agent/src/risk.ts",
      "lib/playbooks/a.ts",
      "lib/playbooks/b.ts",
      "lib/playbooks/c.ts",
      "lib/playbooks/parse-job.ts",
    ]);
  });

  it("changes when an imported module, the lock file or nothing at all changes", () => {
    const before = parserFingerprint(root);
    expect(parserFingerprint(root)).toBe(before);
    write("lib/playbooks/unused.ts", "export const changed = true;\n");
    expect(parserFingerprint(root)).toBe(before);
    write("lib/playbooks/b.ts", "export const changed = true;\n");
    const edited = parserFingerprint(root);
    expect(edited).not.toBe(before);
    write("package-lock.json", '{"lockfileVersion": 3}');
    expect(parserFingerprint(root)).not.toBe(edited);
  });

  it("is undefined when a module the parser imports is missing (the cache is then off)", () => {
    rmSync(path.join(root, "lib/playbooks/b.ts"));
    expect(parserFingerprint(root)).toBeUndefined();
  });

  it("resolves this checkout's own parser", () => {
    const files = importClosure(sourceRoot()!, path.join(sourceRoot()!, "lib/playbooks/parse-job.ts"));
    expect(files.map((f) => path.relative(sourceRoot()!, f))).toEqual(
      expect.arrayContaining([
        "lib/playbooks/parse-playbook.ts",
        "lib/playbooks/risk-classifier.ts",
        "agent/src/risk.ts",
      ]),
    );
    expect(parserFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
