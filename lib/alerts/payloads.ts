// What each source posts, read into one shape. The schemas are loose (extra fields pass: sources
// add fields between versions) but insist on what intake needs, so a body that is not an alert is
// a 400 with a reason. Formats: Alertmanager's webhook_config (version 4), Grafana's webhook
// contact point (the same alerts plus title and message), PagerDuty's v3 webhook event, and
// Casebook's generic shape (docs/api.md).
import { createHash } from "node:crypto";
import { z } from "zod";
import type { SourceKind } from "./kinds";

/** One alert, whoever sent it. */
export interface Alert {
  /** Stable across repeats of the same alert: deduplication key, per source. */
  fingerprint: string;
  status: "firing" | "resolved";
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date | null;
  /** Where the sender shows it (generatorURL, html_url), for the timeline. */
  link: string | null;
}

/** At most this many alerts are read from one post (Alertmanager's max_alerts default is 0, all). */
export const MAX_ALERTS = 100;

const text = z.string().max(10_000);
const strings = z.record(z.string().max(200), text).default({});
const time = z
  .string()
  .optional()
  .transform((s) => {
    const d = s ? new Date(s) : null;
    // Alertmanager sends 0001-01-01T00:00:00Z for "no end"; anything unreadable counts as unknown.
    return d && !Number.isNaN(d.getTime()) && d.getUTCFullYear() > 1970 ? d : null;
  });
const url = z
  .string()
  .optional()
  .transform((s) => (s && /^https?:\/\//.test(s) ? s : null));

const prometheusAlert = z.looseObject({
  status: z.enum(["firing", "resolved"]),
  labels: strings,
  annotations: strings,
  startsAt: time,
  generatorURL: url,
  fingerprint: z.string().min(1).max(200).optional(),
});

const prometheusBody = z.looseObject({
  alerts: z.array(prometheusAlert).min(1, { error: "must hold at least one alert" }).max(MAX_ALERTS),
});

const pagerdutyBody = z.looseObject({
  event: z.looseObject({
    event_type: z.string().max(100),
    occurred_at: time,
    data: z.looseObject({
      id: z.string().min(1).max(200),
      title: text.optional(),
      summary: text.optional(),
      status: z.string().max(50).optional(),
      urgency: z.string().max(50).optional(),
      html_url: url,
      service: z.looseObject({ summary: z.string().max(500).optional() }).optional(),
      priority: z.looseObject({ summary: z.string().max(100).optional() }).nullish(),
    }),
  }),
});

const genericAlert = z.looseObject({
  name: z.string().min(1).max(500),
  status: z.enum(["firing", "resolved"]).default("firing"),
  fingerprint: z.string().min(1).max(200).optional(),
  labels: strings,
  annotations: strings,
  startsAt: time,
  link: url,
});

const genericBody = z.union([
  z.looseObject({ alerts: z.array(genericAlert).min(1).max(MAX_ALERTS) }),
  genericAlert.transform((a) => ({ alerts: [a] })),
]);

export type Parsed = { ok: true; alerts: Alert[] } | { ok: false; error: string };

export function parseAlerts(kind: SourceKind, raw: unknown): Parsed {
  const schema = kind === "pagerduty" ? pagerdutyBody : kind === "generic" ? genericBody : prometheusBody;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") + " " : "";
    return { ok: false, error: `Not a ${kind} alert: ${where}${issue?.message ?? "unreadable"}` };
  }
  if (kind === "pagerduty") {
    const alert = fromPagerduty(parsed.data as z.output<typeof pagerdutyBody>);
    return alert ? { ok: true, alerts: [alert] } : { ok: true, alerts: [] };
  }
  if (kind === "generic") {
    return { ok: true, alerts: (parsed.data as z.output<typeof genericBody>).alerts.map(fromGeneric) };
  }
  return { ok: true, alerts: (parsed.data as z.output<typeof prometheusBody>).alerts.map(fromPrometheus) };
}

function fromPrometheus(a: z.output<typeof prometheusAlert>): Alert {
  const name = a.labels.alertname ?? a.annotations.summary ?? "Alert";
  return {
    fingerprint: a.fingerprint ?? fingerprintOf(a.labels),
    status: a.status,
    name,
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    link: a.generatorURL,
  };
}

function fromGeneric(a: z.output<typeof genericAlert>): Alert {
  return {
    fingerprint: a.fingerprint ?? fingerprintOf({ ...a.labels, alertname: a.name }),
    status: a.status,
    name: a.name,
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    link: a.link,
  };
}

/** Incident events only: triggered opens, resolved closes; acknowledgements and the rest are ignored. */
function fromPagerduty(body: z.output<typeof pagerdutyBody>): Alert | null {
  const { event_type: type, data, occurred_at: at } = body.event;
  const status = type === "incident.triggered" ? "firing" : type === "incident.resolved" ? "resolved" : null;
  if (!status) return null;
  const labels: Record<string, string> = {};
  if (data.service?.summary) labels.service = data.service.summary;
  if (data.urgency) labels.urgency = data.urgency;
  if (data.priority?.summary) labels.priority = data.priority.summary;
  const summary = data.summary ?? data.title;
  return {
    fingerprint: data.id,
    status,
    name: data.title ?? data.summary ?? `PagerDuty incident ${data.id}`,
    labels,
    annotations: summary ? { summary } : {},
    startsAt: at,
    link: data.html_url,
  };
}

/** Alertmanager's own fingerprint is a hash of the label set; ours, for senders that omit one, too. */
function fingerprintOf(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join("\n");
  return createHash("sha256").update(sorted).digest("hex").slice(0, 16);
}
