// Nothing a command leaves behind may break another: a benchmark's install under bench/out/ (WeTTY
// with node-pty's own tests) broke `npm test`. Plant a failing test and a lint error in every
// directory .gitignore lists, then ask vitest, ESLint and tsc what they would check.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leftBehindDirs } from "./lib/left-behind.mjs";

const root = path.resolve(import.meta.dirname, "..");
const probe = "left-behind-probe";
const planted = leftBehindDirs(root)
  .filter((dir) => !dir.startsWith("node_modules"))
  .map((dir) => path.join(dir, probe));

const run = (args: string[]) => execFileSync("npx", args, { cwd: root, encoding: "utf8", stdio: "pipe" });

describe("what commands leave behind", () => {
  beforeAll(() => {
    for (const dir of planted) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, "planted.test.ts"), 'it("fails", () => { throw new Error(); });\n');
      fs.writeFileSync(path.join(root, dir, "planted.ts"), "var unused: number = 'not a number'\n");
    }
  });
  afterAll(() => {
    for (const dir of planted) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  });

  it("plants in every ignored directory, bench/out included", () => {
    expect(planted).toContain(path.join("bench/out", probe));
  });

  it("is not collected by vitest", () => {
    const files = run(["vitest", "list", "--filesOnly"]);
    expect(files).toContain("scripts/left-behind.test.ts");
    expect(files).not.toContain(probe);
  });

  it("is not linted", () => {
    const files = planted.map((dir) => path.join(dir, "planted.ts"));
    // An ignored file is skipped silently; a linted one would fail on `var` and the unused variable.
    expect(() => run(["eslint", "--max-warnings", "0", "--no-warn-ignored", ...files])).not.toThrow();
  });

  // tsconfig.json cannot import the list, so this is what keeps its "exclude" in step with .gitignore.
  it("is not typechecked", () => {
    expect(run(["tsc", "--noEmit", "--listFilesOnly"])).not.toContain(probe);
  }, 60_000);
});
