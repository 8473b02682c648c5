// POST /api/alerts/:sourceId → 202 { alerts: [{ fingerprint, action, incidentId }] }. Public: the
// caller is a monitoring system proven by the source's own secret (lib/alerts/verify-request.ts).
import * as z from "zod";
import { receiveAlerts } from "@/lib/alerts/receive";
import { startTriage } from "@/lib/alerts/triage";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { role: "public", webhook: true, params: z.object({ sourceId: z.string().min(1).max(100) }) },
  ({ req, params }) => receiveAlerts(params.sourceId, req, startTriage),
);
