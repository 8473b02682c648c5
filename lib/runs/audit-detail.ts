// How an audit event's detail reads on the audit page. Details are free text ("local agent", a
// step's end reason) or JSON written by the code that recorded the event (a user change, a host's
// access list before and after). Flat JSON reads best as `key: value` pairs; nested JSON as
// indented text, folded behind a one-line summary when it is long.

export type AuditDetailView =
  | { kind: "text"; text: string }
  | { kind: "fields"; fields: { key: string; value: string }[] }
  | { kind: "json"; pretty: string; summary: string; long: boolean };

/** Longer than this many lines, indented JSON starts folded. */
export const FOLD_AFTER_LINES = 6;

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

export function auditDetailView(detail: string): AuditDetailView {
  const value = parseJson(detail);
  if (value === undefined || value === null || typeof value !== "object") return { kind: "text", text: detail };
  const entries = Array.isArray(value) ? null : Object.entries(value as Record<string, unknown>);
  if (entries && entries.length > 0 && entries.every(([, v]) => isScalar(v))) {
    return { kind: "fields", fields: entries.map(([key, v]) => ({ key, value: String(v) })) };
  }
  const pretty = JSON.stringify(value, null, 2);
  const summary = entries
    ? `${entries.length} ${entries.length === 1 ? "field" : "fields"}: ${entries.map(([key]) => key).join(", ")}`
    : `${(value as unknown[]).length} items`;
  return { kind: "json", pretty, summary, long: pretty.split("\n").length > FOLD_AFTER_LINES };
}
