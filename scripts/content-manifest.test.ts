// The three commands as CI runs them: content:keygen, content:manifest and content:sign, on a
// temp content folder; the signed file must open with the public key as the agent opens it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandSha256, openSignedManifest, readKey } from "@/agent/src/manifest";

const ROOT = path.resolve(import.meta.dirname, "..");
const exec = promisify(execFile);
const LOADERS = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return exec(process.execPath, [...LOADERS, `scripts/${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr,
    }),
  );
}

const PLAYBOOK = `---
title: Podman
summary: A summary.
tags: [podman]
inputs:
  - { name: IMAGE, label: "Image", default: "alpine" }
---

<Step id="look" title="Look">
\`\`\`bash
podman image exists "$IMAGE"
\`\`\`
</Step>

<Step id="migrate" title="Migrate" risk="change">
\`\`\`sh
podman system migrate
\`\`\`
</Step>
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-content-manifest-"));
const content = path.join(dir, "content");
const prefix = path.join(dir, "ci");
const manifest = path.join(dir, "content-manifest.json");
const signed = path.join(dir, "content-manifest.signed.json");

beforeAll(() => {
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(content, "podman.mdx"), PLAYBOOK);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("content:keygen, content:manifest, content:sign", () => {
  it("makes a key pair, keeping the private key to its owner and never overwriting one", async () => {
    const made = await run("content-keygen.ts", ["--out", prefix]);
    expect(made.code).toBe(0);
    expect(fs.statSync(`${prefix}.key.pem`).mode & 0o777).toBe(0o600);
    const publicKey = readKey(fs.readFileSync(`${prefix}.pub.pem`), "public");
    expect(readKey(fs.readFileSync(`${prefix}.key.pem`), "private").asymmetricKeyType).toBe("ed25519");
    expect(publicKey.asymmetricKeyType).toBe("ed25519");
    const again = await run("content-keygen.ts", ["--out", prefix]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${prefix}.key.pem already exists`);
  });

  it("writes a manifest the agent verifies, the same bytes again at the same SOURCE_DATE_EPOCH", async () => {
    const env = { SOURCE_DATE_EPOCH: "1750000000" };
    const first = await run("content-manifest.ts", ["--out", manifest, content], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stderr).toContain(`${manifest}: 1 playbook, 2 steps (1 read, 1 change, 0 danger)`);
    const signing = await run("content-sign.ts", ["--key", `${prefix}.key.pem`, manifest]);
    expect(signing.code).toBe(0);
    const bytes = fs.readFileSync(signed);

    const opened = openSignedManifest(bytes, [readKey(fs.readFileSync(`${prefix}.pub.pem`), "public")]);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.manifest.generatedAt).toBe("2025-06-15T15:06:40.000Z");
    const podman = opened.manifest.bySlug.get("podman");
    expect(podman?.steps.get("look")).toEqual({
      id: "look",
      commandSha256: commandSha256('podman image exists "$IMAGE"'),
      shell: "bash",
      risk: "read",
    });
    expect(podman?.steps.get("migrate")).toMatchObject({ shell: "sh", risk: "change" });
    expect([...(podman?.inputs ?? [])]).toEqual(["IMAGE"]);

    await run("content-manifest.ts", ["--out", manifest, content], env);
    await run("content-sign.ts", ["--key", `${prefix}.key.pem`, manifest]);
    expect(fs.readFileSync(signed).equals(bytes)).toBe(true);
  });

  it("refuses to sign what is not a manifest, and to make one from broken content", async () => {
    const notManifest = path.join(dir, "other.json");
    fs.writeFileSync(notManifest, '{"format":1}');
    const refused = await run("content-sign.ts", ["--key", `${prefix}.key.pem`, notManifest]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${notManifest}: not a content manifest: generatedAt`);
    expect(fs.existsSync(path.join(dir, "other.signed.json"))).toBe(false);

    const withPublic = await run("content-sign.ts", ["--key", `${prefix}.pub.pem`, manifest]);
    expect(withPublic.code).toBe(1);
    expect(withPublic.stderr).toContain(`--key ${prefix}.pub.pem: not a PEM private key`);

    fs.writeFileSync(path.join(content, "broken.mdx"), PLAYBOOK.replace('risk="change"', 'risk="high"'));
    const broken = await run("content-manifest.ts", ["--out", path.join(dir, "broken.json"), content]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('broken.mdx:15:36: Step "migrate": unknown risk "high"');
    expect(fs.existsSync(path.join(dir, "broken.json"))).toBe(false);
  });
});
