// GET /api/incidents/:id → the incident (any signed-in user)
// PUT /api/incidents/:id { incident, expectedUpdatedAt } → { id, updatedAt } (operators and admins); 400 without
// expectedUpdatedAt, 409 when it is not the incident's current updatedAt
import * as z from "zod";
import { checkPlaybookRefs } from "@/lib/incidents/check-playbook-refs";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentErrorResponse } from "@/lib/incidents/http";
import { incidentUpdateSchema, parseIncidentInput } from "@/lib/incidents/schema";
import { IncidentNotFoundError, updateIncident } from "@/lib/incidents/update-incident";
import { jsonBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });
const editBody = jsonBody(
  incidentUpdateSchema,
  '{ incident: {...}, expectedUpdatedAt: "<updatedAt of the copy edited>" }',
);

export const GET = route(
  {
    role: "viewer",
    params,
    doc: { summary: "Read an incident", response: z.object({ incident: z.record(z.string(), z.unknown()) }) },
  },
  async ({ params }) => {
    const incident = await getIncident(params.id);
    return incident ? Response.json({ incident }) : Response.json({ error: "No such incident" }, { status: 404 });
  },
);

export const PUT = route(
  {
    role: "operator",
    params,
    body: editBody,
    doc: {
      summary: "Update an incident",
      description: "expectedUpdatedAt must be the updatedAt of the copy edited; otherwise 409.",
      response: z.object({ id: z.string(), updatedAt: z.string() }),
    },
  },
  async ({ user, params: { id }, body }) => {
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
  },
);
