// HMAC-SHA256 in the forms the sources use, and the one Casebook itself signs with (generic alert
// sources in, outgoing webhooks out): `t=<unix seconds>,v1=<hex>` over "<t>.<body>", as Stripe does,
// so a receiver can refuse a replay older than the window.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed timestamp may be from now, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export function hmacHex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

/** Constant-time comparison of two strings (a length mismatch is answered at once, which is public). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signTimestamped(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/** Whether `header` is a good `t=…,v1=…` signature of `body`, made within the window. */
export function verifyTimestamped(secret: string, body: string, header: string, now = Date.now()): boolean {
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1");
  if (!Number.isInteger(t) || !v1) return false;
  if (Math.abs(now / 1000 - t) > SIGNATURE_WINDOW_SECONDS) return false;
  return sameText(hmacHex(secret, `${t}.${body}`), v1.toLowerCase());
}
