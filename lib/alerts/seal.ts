// Secrets Casebook must read back, not just compare: an HMAC signature is checked (or made) with the
// raw secret, so alert-source and webhook secrets cannot be stored hashed. They are sealed with
// AES-256-GCM under a key derived from the server's auth secret; the database alone does not
// reveal them, and changing BETTER_AUTH_SECRET means issuing new ones (docs/api.md says so).
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "@/lib/auth/secret";

const VERSION = "v1";

function key(): Buffer {
  return derivedKey("alert and webhook secrets");
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret, or null when it was sealed under another auth secret (or the text is not a seal). */
export function unsealSecret(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A new secret to show once: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}
