import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const MIN_LENGTH = 32;

/**
 * The key better-auth signs cookies with: BETTER_AUTH_SECRET, else one generated on first start and
 * kept in data/auth-secret so sessions survive restarts without any setup.
 */
export function authSecret(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(
        `BETTER_AUTH_SECRET is too short: use at least ${MIN_LENGTH} characters ` +
          "(for example `openssl rand -base64 32`).",
      );
    }
    return fromEnv;
  }
  return loadOrCreateSecretFile(path.resolve("data", "auth-secret"));
}

export function loadOrCreateSecretFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx" fails if the file exists, so two processes starting at once agree on one secret.
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < MIN_LENGTH) {
    throw new Error(
      `${file}: the auth secret is shorter than ${MIN_LENGTH} characters; ` +
        "delete the file to generate a new one (this signs everyone out).",
    );
  }
  return secret;
}

/**
 * A 32-byte key for one purpose, derived from the auth secret (HKDF-SHA256): each use (sealing
 * alert secrets, Redis messages, run state, signing parse results) gets a key of its own, and
 * changing BETTER_AUTH_SECRET changes them all.
 */
export function derivedKey(purpose: string, secret: string = authSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "casebook", purpose, 32));
}
