// GET /api/incidents?status=&severity=&tag=&playbook= → { incidents } (any signed-in user)
// POST /api/incidents { incident } → 201 { id } (operators and admins); 400 { error, issues } on bad input
import * as z from "zod";
import { checkPlaybookRefs } from "@/lib/incidents/check-playbook-refs";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentBody, incidentErrorResponse, incidentFilterSchema as filter } from "@/lib/incidents/http";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { parseIncidentInput } from "@/lib/incidents/schema";
import { route } from "@/lib/http/route";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    role: "viewer",
    query: filter,
    doc: { summary: "List incidents", response: z.object({ incidents: z.array(z.record(z.string(), z.unknown())) }) },
  },
  async ({ query }) => {
    return Response.json({ incidents: await listIncidents(query) });
  },
);

export const POST = route(
  {
    role: "operator",
    body: incidentBody,
    doc: { summary: "Create an incident", status: 201, response: z.object({ id: z.string() }) },
  },
  async ({ user, body }) => {
    try {
      const input = parseIncidentInput(body.incident);
      checkPlaybookRefs(input, await getContentIndex());
      const incident = await createIncident(input, { authorId: user.id });
      return Response.json({ id: incident.id }, { status: 201, headers: { location: `/incidents/${incident.id}` } });
    } catch (err) {
      return incidentErrorResponse(err, { userId: user.id });
    }
  },
);
