// The monitoring systems Casebook takes alerts from. Client-safe: the admin form lists them.
export const SOURCE_KINDS = ["alertmanager", "grafana", "pagerduty", "generic"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  alertmanager: "Prometheus Alertmanager",
  grafana: "Grafana alerting",
  pagerduty: "PagerDuty (v3 webhooks)",
  generic: "Generic JSON",
};
