// Is this request from the source it is posted to? Each system proves it its own way (docs/api.md,
// "Alerts and notifications"): Alertmanager does not sign, it sends the credential from its
// http_config (a bearer token, or basic auth with the secret as password); Grafana signs the body
// with HMAC-SHA256 (hex, over "<timestamp>:<body>" when it sends a timestamp); PagerDuty v3 signs
// with `v1=<hex>` (several, comma-separated, while a secret is being rotated); the generic source
// signs as Casebook's own webhooks do (lib/alerts/hmac.ts) or sends a bearer token.
import { hmacHex, sameText, SIGNATURE_WINDOW_SECONDS, verifyTimestamped } from "./hmac";
import type { SourceKind } from "./kinds";

export const GRAFANA_SIGNATURE = "x-grafana-alerting-signature";
/** Grafana has no default timestamp header name; this is the one Casebook's docs tell admins to set. */
export const GRAFANA_TIMESTAMP = "x-grafana-alerting-timestamp";
export const PAGERDUTY_SIGNATURE = "x-pagerduty-signature";
export const GENERIC_SIGNATURE = "x-casebook-signature";

/** null when the request is proven; else why not, for the 401 (never the secret or the expected value). */
export function verifyRequest(
  kind: SourceKind,
  headers: Headers,
  body: string,
  secret: string,
  now = Date.now(),
): string | null {
  switch (kind) {
    case "alertmanager":
      return credential(headers, secret)
        ? null
        : "Send the source's secret as a bearer token (or basic auth password).";
    case "grafana":
      return grafana(headers, body, secret, now);
    case "pagerduty":
      return pagerduty(headers, body, secret);
    case "generic": {
      const signature = headers.get(GENERIC_SIGNATURE);
      if (signature !== null)
        return verifyTimestamped(secret, body, signature, now) ? null : badSignature(GENERIC_SIGNATURE);
      return credential(headers, secret)
        ? null
        : `Sign the body (${GENERIC_SIGNATURE}) or send the secret as a bearer token.`;
    }
  }
}

const badSignature = (header: string) => `The ${header} signature does not match this source's secret.`;

function credential(headers: Headers, secret: string): boolean {
  const auth = headers.get("authorization") ?? "";
  const [scheme, value = ""] = auth.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? "")) return sameText(value, secret);
  if (/^basic$/i.test(scheme ?? "")) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return sameText(decoded.slice(decoded.indexOf(":") + 1), secret);
  }
  return false;
}

function grafana(headers: Headers, body: string, secret: string, now: number): string | null {
  const signature = headers.get(GRAFANA_SIGNATURE)?.trim();
  if (!signature) {
    // A contact point may authenticate with its Authorization header instead of signing.
    return credential(headers, secret) ? null : `Missing ${GRAFANA_SIGNATURE}: set the contact point's HMAC secret.`;
  }
  const timestamp = headers.get(GRAFANA_TIMESTAMP)?.trim();
  if (timestamp) {
    const seconds = Number(timestamp);
    if (!Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > SIGNATURE_WINDOW_SECONDS) {
      return `${GRAFANA_TIMESTAMP} is not within ${SIGNATURE_WINDOW_SECONDS} seconds of now.`;
    }
  }
  const signed = timestamp ? `${timestamp}:${body}` : body;
  return sameText(hmacHex(secret, signed), signature.toLowerCase()) ? null : badSignature(GRAFANA_SIGNATURE);
}

function pagerduty(headers: Headers, body: string, secret: string): string | null {
  const header = headers.get(PAGERDUTY_SIGNATURE);
  if (!header) return `Missing ${PAGERDUTY_SIGNATURE}: give the webhook subscription this source's secret.`;
  const expected = `v1=${hmacHex(secret, body)}`;
  const good = header.split(",").some((s) => sameText(s.trim().toLowerCase(), expected));
  return good ? null : badSignature(PAGERDUTY_SIGNATURE);
}
