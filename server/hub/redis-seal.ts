// What instances say to each other through Redis is sealed (AES-256-GCM): step output, run views
// and forwarded commands must not be readable, or forgeable, by whoever can read or publish on a
// shared Redis. The key is derived from BETTER_AUTH_SECRET, which every instance already shares.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import notepack from "notepack.io";
import { derivedKey } from "@/lib/auth/secret";

/** The first byte of a sealed message. Never "{" (0x7b): the adapter takes those for plain JSON. */
const VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface Seal {
  seal(plain: Buffer): Buffer;
  /** The plain bytes, or null when the message was not sealed with this key (or was altered). */
  open(sealed: Buffer): Buffer | null;
}

export function redisSeal(secret: string): Seal {
  return sealFor(secret, "redis pub/sub v1");
}

/** Run state kept in the database (Run.live): a key of its own, so a sealed message is never a valid row. */
export function runStateSeal(secret: string): Seal {
  return sealFor(secret, "run state at rest v1");
}

function sealFor(secret: string, purpose: string): Seal {
  const key = derivedKey(purpose, secret);
  return {
    seal(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) return null;
      const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
      const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, nonce);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}

/**
 * The socket.io Redis adapter's parser (its default is MessagePack in the clear), sealed. A message
 * that does not open decodes to an empty list, which the adapter ignores as "another namespace".
 */
export function sealedParser(seal: Seal): { encode(msg: unknown): Buffer; decode(msg: Buffer): unknown } {
  return {
    encode: (msg) => seal.seal(notepack.encode(msg)),
    decode: (msg) => {
      const plain = seal.open(Buffer.from(msg));
      return plain ? notepack.decode(plain) : [];
    },
  };
}

/** For values that travel as JSON (serverSideEmit and its answers): sealed, as base64 text. */
export function sealValue(seal: Seal, value: unknown): string {
  return seal.seal(Buffer.from(JSON.stringify(value))).toString("base64");
}

export function openValue(seal: Seal, text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  const plain = seal.open(Buffer.from(text, "base64"));
  return plain ? JSON.parse(plain.toString()) : undefined;
}
