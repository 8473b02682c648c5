import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret, loadOrCreateSecretFile } from "./secret";

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-secret-"));
  dirs.push(dir);
  return path.join(dir, "data", "auth-secret");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadOrCreateSecretFile", () => {
  it("generates a secret once, private to the owner, and keeps it", () => {
    const file = tempFile();
    const first = loadOrCreateSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretFile(file)).toBe(first);
  });

  it("refuses a file whose secret is too short, naming the file", () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "short\n");
    expect(() => loadOrCreateSecretFile(file)).toThrow(`${file}: the auth secret is shorter than 32 characters`);
  });
});

describe("authSecret", () => {
  it("uses BETTER_AUTH_SECRET when set, and refuses a weak one", () => {
    const strong = "s".repeat(40);
    expect(authSecret({ BETTER_AUTH_SECRET: strong })).toBe(strong);
    expect(() => authSecret({ BETTER_AUTH_SECRET: "weak" })).toThrow(/at least 32 characters/);
  });
});
