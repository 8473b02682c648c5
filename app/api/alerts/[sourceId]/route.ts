// POST /api/alerts/:sourceId → 202 { alerts: [{ fingerprint, action, incidentId }] }. Public: the
// caller is a monitoring system proven by the source's own secret (lib/alerts/verify-request.ts).
import * as z from "zod";
import { receiveAlerts } from "@/lib/alerts/receive";
import { startTriage } from "@/lib/alerts/triage";
import { route } from "@/lib/http/route";

const answer = z.object({
  alerts: z.array(
    z.object({
      fingerprint: z.string(),
      action: z.enum(["opened", "updated", "resolved", "ignored"]),
      incidentId: z.string().nullable(),
    }),
  ),
});

export const dynamic = "force-dynamic";

export const POST = route(
  {
    role: "public",
    webhook: true,
    params: z.object({ sourceId: z.string().min(1).max(100).describe("The alert source's id (admin page).") }),
    doc: {
      summary: "Post alerts from a monitoring system",
      description:
        "Alertmanager, Grafana, PagerDuty v3 or generic JSON, by the source's kind. Proven by the source's " +
        "secret: a bearer token (Alertmanager, generic), X-Grafana-Alerting-Signature, X-PagerDuty-Signature " +
        "or X-Casebook-Signature; 401 otherwise. Each alert opens or updates an incident (docs/api.md).",
      status: 202,
      response: answer,
      rawBody: { contentType: "application/json", description: "The monitoring system's own webhook body." },
    },
  },
  ({ req, params }) => receiveAlerts(params.sourceId, req, startTriage),
);
