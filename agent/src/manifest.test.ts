import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  commandSha256,
  keyId,
  openSignedManifest,
  pinStep,
  readKey,
  signManifest,
  type ContentManifest,
} from "./manifest";
import type { StepStart } from "./protocol";

const keys = crypto.generateKeyPairSync("ed25519");
const otherKeys = crypto.generateKeyPairSync("ed25519");

const manifest: ContentManifest = {
  format: 1,
  generatedAt: "2025-01-02T03:04:05.000Z",
  playbooks: [
    {
      slug: "podman",
      contentHash: "0123456789ab",
      tags: ["podman"],
      inputs: ["IMAGE"],
      steps: [
        { id: "look", shell: "bash", risk: "read", commandSha256: commandSha256("podman ps") },
        { id: "fix", shell: "bash", risk: "change", commandSha256: commandSha256("podman system migrate") },
      ],
    },
  ],
};

function start(extra: Partial<StepStart> = {}): StepStart {
  return {
    stepRunId: "sr",
    runId: "r",
    playbook: "podman",
    contentHash: "0123456789ab",
    playbookTags: ["podman"],
    stepId: "look",
    risk: "read",
    shell: "bash",
    command: "podman ps",
    env: { IMAGE: "x" },
    timeoutMs: 1000,
    maxOutputBytes: 1000,
    cols: 80,
    rows: 24,
    ...extra,
  };
}

function signed(payload: string = canonicalJson(manifest), key = keys.privateKey): string {
  return JSON.stringify(signManifest(payload, key));
}

function opened(text: string, trusted = [keys.publicKey]) {
  const result = openSignedManifest(Buffer.from(text), trusted);
  if (!result.ok) throw new Error(result.reason);
  return result.manifest;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth, so the same manifest always has the same bytes", () => {
    const a = canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } });
    const b = canonicalJson({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe(JSON.stringify({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 }, null, 2) + "\n");
  });
});

describe("commandSha256", () => {
  it("hashes the command's UTF-8 bytes", () => {
    expect(commandSha256("echo é")).toBe(crypto.createHash("sha256").update(Buffer.from("echo é")).digest("hex"));
  });
});

describe("openSignedManifest", () => {
  it("opens a manifest signed by a trusted key", () => {
    const pinned = opened(signed());
    expect(pinned.generatedAt).toBe(manifest.generatedAt);
    expect(pinned.keyId).toBe(keyId(keys.publicKey));
    expect(pinned.id).toMatch(/^[0-9a-f]{12}$/);
    expect(pinned.steps).toBe(2);
  });

  it("accepts any of several trusted keys (key rotation)", () => {
    expect(opened(signed(), [otherKeys.publicKey, keys.publicKey]).steps).toBe(2);
  });

  it("refuses a manifest signed by another key, naming both keys", () => {
    const result = openSignedManifest(Buffer.from(signed(undefined, otherKeys.privateKey)), [keys.publicKey]);
    expect(result).toEqual({
      ok: false,
      reason:
        `the signature does not verify with the trusted key ${keyId(keys.publicKey)} ` +
        `(the file names key ${keyId(otherKeys.publicKey)})`,
    });
  });

  it("refuses a payload changed by one byte after signing", () => {
    const envelope = signManifest(canonicalJson(manifest), keys.privateKey);
    const tampered = { ...envelope, payload: envelope.payload.replace('"change"', '"chanGe"') };
    expect(tampered.payload).not.toBe(envelope.payload);
    const result = openSignedManifest(Buffer.from(JSON.stringify(tampered)), [keys.publicKey]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^the signature does not verify/);
  });

  it("explains files that are not signed manifests", () => {
    const reason = (text: string) => {
      const result = openSignedManifest(Buffer.from(text), [keys.publicKey]);
      return result.ok ? null : result.reason;
    };
    expect(reason("")).toMatch(/^not JSON/);
    expect(reason(canonicalJson(manifest))).toBe(
      "this is an unsigned manifest: sign it with `npm run content:sign -- --key KEY FILE`",
    );
    expect(reason('{"format":"casebook-signed-manifest/9"}')).toMatch(/^not a signed Casebook manifest: format/);
    const envelope = signManifest(canonicalJson(manifest), keys.privateKey);
    expect(reason(JSON.stringify({ ...envelope, keyId: "<b>me</b>" }))).toBe(
      "not a signed Casebook manifest: keyId: expected a hex key id",
    );
    expect(reason(Buffer.from([0xff, 0xfe]).toString("latin1"))).toMatch(/^not JSON/);
  });

  it("refuses a signed payload that is not a valid manifest, even with a good signature", () => {
    const bad = (m: unknown) => {
      const result = openSignedManifest(Buffer.from(signed(canonicalJson(m))), [keys.publicKey]);
      return result.ok ? null : result.reason;
    };
    expect(bad({ ...manifest, format: 2 })).toMatch(/^the signed manifest is malformed: format/);
    const [playbook] = manifest.playbooks;
    const twice = { ...playbook!, steps: [...playbook!.steps, playbook!.steps[0]!] };
    expect(bad({ ...manifest, playbooks: [twice] })).toBe(
      'the signed manifest is malformed: playbooks.0.steps: step "look" is listed twice',
    );
    expect(bad({ ...manifest, playbooks: [playbook, playbook] })).toBe(
      'the signed manifest is malformed: playbooks: playbook "podman" is listed twice',
    );
    expect(bad({ ...manifest, playbooks: [{ ...playbook, steps: [{ ...playbook!.steps[0], risk: "low" }] }] })).toMatch(
      /^the signed manifest is malformed: playbooks\.0\.steps\.0\.risk/,
    );
  });

  it("keeps a step id such as __proto__ as data", () => {
    const odd = { ...manifest.playbooks[0]!, steps: [{ ...manifest.playbooks[0]!.steps[0]!, id: "__proto__" }] };
    const pinned = opened(signed(canonicalJson({ ...manifest, playbooks: [odd] })));
    expect(pinStep(pinned, start({ stepId: "__proto__" })).ok).toBe(true);
    expect(pinStep(pinned, start({ stepId: "constructor" })).ok).toBe(false);
  });
});

describe("readKey", () => {
  it("reads PEM keys and refuses keys that are not Ed25519", () => {
    const pem = keys.publicKey.export({ type: "spki", format: "pem" });
    expect(keyId(readKey(pem, "public"))).toBe(keyId(keys.publicKey));
    const privatePem = keys.privateKey.export({ type: "pkcs8", format: "pem" });
    expect(keyId(readKey(privatePem, "private"))).toBe(keyId(keys.publicKey));
    const rsa = crypto
      .generateKeyPairSync("rsa", { modulusLength: 1024 })
      .publicKey.export({ type: "spki", format: "pem" });
    expect(() => readKey(rsa, "public")).toThrow("not an Ed25519 key (rsa)");
    expect(() => readKey("hello", "public")).toThrow(/not a PEM public key/);
    expect(() => readKey(pem, "private")).toThrow(/not a PEM private key/);
  });
});

describe("pinStep", () => {
  const pinned = opened(signed());

  it("lets a listed step through with the manifest's risk and tags, whatever the server claims", () => {
    expect(pinStep(pinned, start())).toEqual({ ok: true, start: start() });
    const claimed = start({ stepId: "fix", command: "podman system migrate", risk: "read", playbookTags: ["ok"] });
    expect(pinStep(pinned, claimed)).toEqual({
      ok: true,
      start: { ...claimed, risk: "change", playbookTags: ["podman"] },
    });
  });

  it("refuses a command that differs by one byte, naming the hash it got", () => {
    const hash = commandSha256("podman ps ");
    const result = pinStep(pinned, start({ command: "podman ps " }));
    expect(result).toEqual({
      ok: false,
      reason:
        `command not in the signed manifest (sha256 ${hash.slice(0, 12)}…): ` +
        `step "look" of "podman" is signed as ${commandSha256("podman ps").slice(0, 12)}…`,
    });
  });

  it("says when the server's content differs from the manifest's", () => {
    const result = pinStep(pinned, start({ command: "podman ps -a", contentHash: "fedcba987654" }));
    expect(!result.ok && result.reason).toMatch(
      /\(the manifest was made from content 0123456789ab; the server has fedcba987654\)$/,
    );
  });

  it("refuses unknown playbooks and steps, another shell and undeclared inputs", () => {
    const reason = (s: StepStart) => {
      const result = pinStep(pinned, s);
      return result.ok ? null : result.reason;
    };
    expect(reason(start({ playbook: "other" }))).toBe('playbook "other" is not in the signed manifest');
    expect(reason(start({ stepId: "nope" }))).toBe('step "nope" of "podman" is not in the signed manifest');
    expect(reason(start({ shell: "zsh" }))).toBe('step "look" of "podman" is signed to run in bash, not zsh');
    expect(reason(start({ shell: null }))).toBe(
      `step "look" of "podman" is signed to run in bash, not the agent's --shell`,
    );
    expect(reason(start({ env: { IMAGE: "x", LD_PRELOAD: "/tmp/x.so" } }))).toBe(
      'input "LD_PRELOAD" is not one that "podman" declares in the signed manifest',
    );
  });
});
