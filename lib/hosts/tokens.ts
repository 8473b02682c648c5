// Agent tokens: 256 random bits, shown once; only their sha256 is stored.
import crypto from "node:crypto";

const PREFIX = "cbk_";

export function generateToken(): string {
  return PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Enough of the token to tell tokens apart in a list, not enough to guess it. */
export function tokenPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 6);
}
