// .env.example is the list of the server's settings: every setting the server's code reads must be
// in it, and everything in it must still be read somewhere.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SERVER_CODE = ["lib", "server", "app", "components", "scripts", "proxy.ts", "next.config.ts"];
/** Read from the environment, but set by the runtime or the test tools, not by an operator. */
const NOT_SETTINGS = new Set(["NODE_ENV", "PATH", "VITEST", "NEXT_TELEMETRY_DISABLED", "SOURCE_DATE_EPOCH"]);
const TEST_ONLY = /^(CASEBOOK_FUZZ_|CASEBOOK_E2E_|POSTGRES_ADMIN_URL$|__NEXT_)/;

// env.NAME, env["NAME"], numberFrom(env, "NAME", …) and constants such as TWO_PERSON_ENV = "NAME".
const READS = [
  /\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*"([A-Z][A-Z0-9_]*)"\s*\])/g,
  /\(\s*env\s*,\s*"([A-Z][A-Z0-9_]*)"/g,
  /_ENV\s*=\s*"([A-Z][A-Z0-9_]*)"/g,
];

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("generated"))
    .map((f) => path.join(full, f));
}

function settingsRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SERVER_CODE.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, "utf8");
    for (const pattern of READS)
      for (const m of text.matchAll(pattern)) {
        const name = m[1] ?? m[2]!;
        if (!NOT_SETTINGS.has(name) && !TEST_ONLY.test(name)) found.set(name, path.relative(root, file));
      }
  }
  return found;
}

const listed = new Set(
  fs
    .readFileSync(path.join(root, ".env.example"), "utf8")
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

describe(".env.example", () => {
  const read = settingsRead();

  it("finds the settings the server reads", () => {
    expect(read.get("DATABASE_URL")).toBeDefined();
    expect(read.get("RUN_MAX_STEP_OUTPUT_MB")).toBe("server/hub/options.ts");
    expect(read.get("CASEBOOK_TWO_PERSON_REVIEW")).toBe("lib/drafts/two-person-rule.ts");
  });

  it("lists every setting the server reads", () => {
    const missing = [...read].filter(([name]) => !listed.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it("lists nothing the server no longer reads", () => {
    expect([...listed].filter((name) => !read.has(name))).toEqual([]);
  });
});
