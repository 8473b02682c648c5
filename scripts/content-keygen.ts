// `npm run content:keygen -- [--out PREFIX]`: an Ed25519 key pair for signing content manifests,
// PREFIX.key.pem (private, mode 0600: for CI's secret store) and PREFIX.pub.pem (public: for the
// hosts, as `casebook-agent --trust-key`). Never overwrites a key.
import crypto from "node:crypto";
import { writeFile } from "node:fs/promises";
import { keyId } from "@/agent/src/manifest";
import { parseCommand } from "./lib/cli";

const USAGE = "usage: npm run content:keygen -- [--out casebook-manifest]";

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args, { out: { type: "string" } }, USAGE, 0, 0);
  if ("exit" in command) return command.exit;
  const prefix = typeof command.values.out === "string" ? command.values.out : "casebook-manifest";
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const files = [
    { file: `${prefix}.key.pem`, pem: privateKey.export({ type: "pkcs8", format: "pem" }), mode: 0o600 },
    { file: `${prefix}.pub.pem`, pem: publicKey.export({ type: "spki", format: "pem" }), mode: 0o644 },
  ];
  for (const { file, pem, mode } of files) {
    try {
      // "wx": fail rather than replace a key that manifests may already be signed with.
      await writeFile(file, pem, { flag: "wx", mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      console.error(code === "EEXIST" ? `${file} already exists; not overwriting a key` : `${file}: ${String(err)}`);
      return 1;
    }
  }
  console.error(
    `key ${keyId(publicKey)}: ${prefix}.key.pem is the private key (CI's secret store only: never the server or ` +
      `a host); ${prefix}.pub.pem is the public key (ship it to the hosts for casebook-agent --trust-key)`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
