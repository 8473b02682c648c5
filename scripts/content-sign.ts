// `npm run content:sign -- --key PRIVATE_KEY_FILE [--out FILE] [MANIFEST]`: wraps a manifest from
// `npm run content:manifest` (default content-manifest.json) in an Ed25519-signed envelope, by
// default MANIFEST.signed.json, for `casebook-agent --manifest`. Run it where the private key
// lives (the playbooks repository's CI), never on the Casebook server.
import { readFile, writeFile } from "node:fs/promises";
import { canonicalJson, keyId, readKey, readManifestPayload, signManifest } from "@/agent/src/manifest";
import { parseCommand } from "./lib/cli";

const USAGE = "usage: npm run content:sign -- --key PRIVATE_KEY_FILE [--out FILE] [content-manifest.json]";

async function readOrSay(file: string, what: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    console.error(`${what}${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return null;
  }
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args, { key: { type: "string" }, out: { type: "string" } }, USAGE, 0, 1);
  if ("exit" in command) return command.exit;
  const keyFile = command.values.key;
  if (typeof keyFile !== "string") {
    console.error(`--key is required\n${USAGE}`);
    return 2;
  }
  const file = command.positionals[0] ?? "content-manifest.json";
  const out = typeof command.values.out === "string" ? command.values.out : file.replace(/(\.json)?$/, ".signed.json");

  const pem = await readOrSay(keyFile, "--key ");
  if (!pem) return 1;
  let key;
  try {
    key = readKey(pem, "private");
  } catch (err) {
    console.error(`--key ${keyFile}: ${(err as Error).message}`);
    return 1;
  }
  const bytes = await readOrSay(file, "");
  if (!bytes) return 1;
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) {
    console.error(`${file}: not UTF-8 text`);
    return 1;
  }
  const manifest = readManifestPayload(text);
  if (!manifest.ok) {
    console.error(`${file}: not a content manifest: ${manifest.reason}`);
    return 1;
  }
  await writeFile(out, canonicalJson(signManifest(text, key)));
  const steps = manifest.manifest.playbooks.reduce((n, p) => n + p.steps.length, 0);
  console.error(
    `${out}: ${steps} steps of ${manifest.manifest.playbooks.length} playbooks, signed with key ${keyId(key)}`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
