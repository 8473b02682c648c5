// The signed content manifest: which commands this agent may run, with what risk, whatever the
// server sends. `npm run content:manifest` writes it from the reviewed content, `content:sign`
// wraps it in an Ed25519-signed envelope away from the server, and `casebook-agent --manifest FILE
// --trust-key PUBKEY` checks every step.start against it. Both sides use this module, so the format
// is written once; it has no I/O (the file and its watcher are manifest-file.ts).
//
// The envelope carries the manifest as a string and the signature is over that string's UTF-8
// bytes, so the agent verifies exactly the bytes that were signed and never re-serialises JSON.
import crypto, { type KeyObject } from "node:crypto";
// A namespace import, so that the bundle (agent/scripts/pack.mjs) leaves out what is never used.
import * as z from "zod";
import type { StepStart } from "./protocol";
import { RISKS, type Risk } from "./risk";

export const MANIFEST_FORMAT = 1;
export const SIGNED_MANIFEST_FORMAT = "casebook-signed-manifest/1";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex SHA-256");

export const manifestStepSchema = z.object({
  id: z.string().min(1),
  /** SHA-256 of the UTF-8 bytes of the command exactly as the hub sends it in step.start. */
  commandSha256: sha256Hex,
  /** The shell the hub names in step.start; null means the agent's --shell. */
  shell: z.string().nullable(),
  risk: z.enum(RISKS),
});

export const manifestPlaybookSchema = z.object({
  slug: z.string().min(1),
  /** The playbook file's content hash when the manifest was made; for diagnostics, not matched. */
  contentHash: z.string(),
  /** The playbook's tags: --allow-tags is judged on these, not on the tags the server sends. */
  tags: z.array(z.string()),
  /** Declared input and capture names: the only environment variables the server may set for a step. */
  inputs: z.array(z.string()),
  steps: z.array(manifestStepSchema).superRefine((steps, ctx) => {
    for (const id of duplicates(steps.map((s) => s.id)))
      ctx.addIssue({ code: "custom", message: `step "${id}" is listed twice` });
  }),
});

export const contentManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  /** When it was made (SOURCE_DATE_EPOCH when set, so CI can reproduce the bytes); signed with the rest. */
  generatedAt: z.iso.datetime(),
  playbooks: z.array(manifestPlaybookSchema).superRefine((playbooks, ctx) => {
    for (const slug of duplicates(playbooks.map((p) => p.slug))) {
      ctx.addIssue({ code: "custom", message: `playbook "${slug}" is listed twice` });
    }
  }),
});

export const signedManifestSchema = z.object({
  format: z.literal(SIGNED_MANIFEST_FORMAT),
  /** Which key signed it (see keyId); a hint for error messages, never trusted. */
  keyId: z.string().regex(/^[0-9a-f]{1,64}$/, "expected a hex key id"),
  /** The manifest file's text, exactly as signed. */
  payload: z.string(),
  /** Ed25519 signature over the payload's UTF-8 bytes, base64. */
  signature: z.base64(),
});

export type ContentManifest = z.infer<typeof contentManifestSchema>;
export type ManifestStep = z.infer<typeof manifestStepSchema>;
export type SignedManifest = z.infer<typeof signedManifestSchema>;

interface PinnedPlaybook {
  contentHash: string;
  tags: string[];
  inputs: ReadonlySet<string>;
  steps: ReadonlyMap<string, ManifestStep>;
}

/** A verified manifest, indexed for step.start checks. */
export interface PinnedManifest {
  /** The first 12 hex digits of the payload's SHA-256: names this manifest in logs. */
  id: string;
  generatedAt: string;
  /** The trusted key that verified it. */
  keyId: string;
  playbooks: number;
  steps: number;
  bySlug: ReadonlyMap<string, PinnedPlaybook>;
}

export type Opened<T> = { ok: true; manifest: T } | { ok: false; reason: string };

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
}

export function sha256(data: string | Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** The hash a manifest lists for a command: over its UTF-8 bytes, which is what the shell is given. */
export function commandSha256(command: string): string {
  return sha256(Buffer.from(command, "utf8"));
}

/**
 * JSON with every object's keys sorted (by UTF-16 code unit, as RFC 8785) and two-space indents,
 * ending in a newline: the same manifest is always the same bytes, and a diff of two stays readable.
 */
export function canonicalJson(value: unknown): string {
  const write = (v: unknown, indent: string): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
    const inner = indent + "  ";
    if (Array.isArray(v)) {
      return v.length ? `[\n${v.map((item) => inner + write(item, inner)).join(",\n")}\n${indent}]` : "[]";
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    const fields = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(record[k], inner)}`);
    return fields.length ? `{\n${fields.join(",\n")}\n${indent}}` : "{}";
  };
  return write(value, "") + "\n";
}

/** Reads a PEM key and insists on Ed25519. Throws with a reason a person can act on. */
export function readKey(pem: string | Buffer, kind: "public" | "private"): KeyObject {
  const text = pem.toString();
  if (kind === "public" && text.includes("PRIVATE KEY")) {
    throw new Error("this is a private key: give the agent the public key, and keep the private key off the host");
  }
  let key: KeyObject;
  try {
    key = kind === "public" ? crypto.createPublicKey(text) : crypto.createPrivateKey(text);
  } catch (err) {
    throw new Error(`not a PEM ${kind} key (${(err as Error).message})`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`not an Ed25519 key (${key.asymmetricKeyType ?? "?"})`);
  return key;
}

/** A short, stable name for a key pair: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function keyId(key: KeyObject): string {
  const publicKey = key.type === "private" ? crypto.createPublicKey(key) : key;
  return sha256(publicKey.export({ type: "spki", format: "der" })).slice(0, 16);
}

export function signManifest(payload: string, privateKey: KeyObject): SignedManifest {
  const signature = crypto.sign(null, Buffer.from(payload, "utf8"), privateKey).toString("base64");
  return { format: SIGNED_MANIFEST_FORMAT, keyId: keyId(privateKey), payload, signature };
}

/** Parses and checks a manifest's text (the payload of a signed manifest, or a file to sign). */
export function readManifestPayload(text: string): Opened<ContentManifest> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = contentManifestSchema.safeParse(json.value);
  return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: firstIssue(parsed.error) };
}

/** Verifies a signed manifest file's bytes against the trusted keys and indexes it. */
export function openSignedManifest(bytes: Buffer, trusted: KeyObject[]): Opened<PinnedManifest> {
  const json = parseJson(bytes.toString("utf8"));
  if (!json.ok) return json;
  const raw = json.value as { format?: unknown; playbooks?: unknown } | null;
  if (raw?.format === MANIFEST_FORMAT && Array.isArray(raw.playbooks)) {
    return { ok: false, reason: "this is an unsigned manifest: sign it with `npm run content:sign -- --key KEY FILE`" };
  }
  const envelope = signedManifestSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `not a signed Casebook manifest: ${firstIssue(envelope.error)}` };
  const { payload, signature } = envelope.data;
  const data = Buffer.from(payload, "utf8");
  const sig = Buffer.from(signature, "base64");
  const signer = trusted.find((key) => crypto.verify(null, data, key, sig));
  if (!signer) {
    const ids = trusted.map(keyId);
    const keys = ids.length === 1 ? `key ${ids[0]}` : `keys ${ids.join(", ")}`;
    return {
      ok: false,
      reason: `the signature does not verify with the trusted ${keys} (the file names key ${envelope.data.keyId})`,
    };
  }
  const opened = readManifestPayload(payload);
  if (!opened.ok) return { ok: false, reason: `the signed manifest is malformed: ${opened.reason}` };
  const { manifest } = opened;
  const bySlug = new Map<string, PinnedPlaybook>(
    manifest.playbooks.map((p) => [
      p.slug,
      {
        contentHash: p.contentHash,
        tags: p.tags,
        inputs: new Set(p.inputs),
        steps: new Map(p.steps.map((s) => [s.id, s])),
      },
    ]),
  );
  return {
    ok: true,
    manifest: {
      id: sha256(data).slice(0, 12),
      generatedAt: manifest.generatedAt,
      keyId: keyId(signer),
      playbooks: bySlug.size,
      steps: manifest.playbooks.reduce((n, p) => n + p.steps.length, 0),
      bySlug,
    },
  };
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const shellName = (shell: string | null) => shell ?? "the agent's --shell";

/**
 * The step as the manifest signs it: its risk and the playbook's tags come from the manifest, not
 * from the server. Refused when the playbook, the step, its command bytes, its shell or an input
 * name is not what was signed.
 */
export function pinStep(
  manifest: PinnedManifest,
  start: StepStart,
): { ok: true; start: StepStart } | { ok: false; reason: string } {
  const playbook = manifest.bySlug.get(start.playbook);
  if (!playbook) return { ok: false, reason: `playbook "${start.playbook}" is not in the signed manifest` };
  const step = playbook.steps.get(start.stepId);
  const where = `step "${start.stepId}" of "${start.playbook}"`;
  if (!step) return { ok: false, reason: `${where} is not in the signed manifest` };
  const got = commandSha256(start.command);
  if (got !== step.commandSha256) {
    const content =
      start.contentHash === playbook.contentHash
        ? ""
        : ` (the manifest was made from content ${playbook.contentHash}; the server has ${start.contentHash})`;
    const signed = `${where} is signed as ${short(step.commandSha256)}`;
    return { ok: false, reason: `command not in the signed manifest (sha256 ${short(got)}): ${signed}${content}` };
  }
  if (start.shell !== step.shell) {
    return {
      ok: false,
      reason: `${where} is signed to run in ${shellName(step.shell)}, not ${shellName(start.shell)}`,
    };
  }
  const undeclared = Object.keys(start.env).find((name) => !playbook.inputs.has(name));
  if (undeclared !== undefined) {
    return {
      ok: false,
      reason: `input "${undeclared}" is not one that "${start.playbook}" declares in the signed manifest`,
    };
  }
  const risk: Risk = step.risk;
  return { ok: true, start: { ...start, risk, playbookTags: playbook.tags } };
}
