// A playbook version's name: the sha256 of its file's bytes, hex, first 12 characters. Runs, the
// audit trail and drafts (which version a draft replaces) all name versions this way.
import { createHash } from "node:crypto";

export function contentHash(source: string | Uint8Array): string {
  const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}
