// GET /api/incidents/:id → the incident (any signed-in user)
// PUT /api/incidents/:id { incident, expectedUpdatedAt? } → { id } (operators and admins)
import * as z from "zod";
import { checkPlaybookRefs } from "@/lib/incidents/check-playbook-refs";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentBody, incidentErrorResponse } from "@/lib/incidents/http";
import { parseIncidentInput } from "@/lib/incidents/schema";
import { IncidentNotFoundError, updateIncident } from "@/lib/incidents/update-incident";
import { route } from "@/lib/http/route";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });

export const GET = route({ role: "viewer", params }, async ({ params }) => {
  const incident = await getIncident(params.id);
  return incident ? Response.json({ incident }) : Response.json({ error: "No such incident" }, { status: 404 });
});

export const PUT = route({ role: "operator", params, body: incidentBody }, async ({ user, params: { id }, body }) => {
  try {
    const input = parseIncidentInput(body.incident);
    const current = await getIncident(id);
    if (!current) throw new IncidentNotFoundError(id);
    checkPlaybookRefs(input, await getContentIndex(), current);
    const editor = { editorId: user.id, editorName: user.name, expectedUpdatedAt: body.expectedUpdatedAt };
    const incident = await updateIncident(id, input, editor);
    return Response.json({ id: incident.id, updatedAt: incident.updatedAt });
  } catch (err) {
    return incidentErrorResponse(err, { userId: user.id, incidentId: id });
  }
});
