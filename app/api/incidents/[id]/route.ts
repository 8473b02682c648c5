// GET /api/incidents/:id → the incident (any signed-in user)
// PUT /api/incidents/:id { incident, expectedUpdatedAt? } → { id } (operators and admins)
import { requireApiUser } from "@/lib/auth/session";
import { checkPlaybookRefs } from "@/lib/incidents/check-playbook-refs";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentErrorResponse, readIncidentBody } from "@/lib/incidents/http";
import { parseIncidentInput } from "@/lib/incidents/schema";
import { registerIncidentSearch } from "@/lib/incidents/search-source";
import { IncidentNotFoundError, updateIncident } from "@/lib/incidents/update-incident";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

interface Ctx {
  params: Promise<{ id: string }>;
}

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const incident = await getIncident((await params).id);
  return incident ? Response.json({ incident }) : Response.json({ error: "No such incident" }, { status: 404 });
}

export async function PUT(req: Request, { params }: Ctx): Promise<Response> {
  const user = await requireApiUser(req, "operator");
  if (user instanceof Response) return user;
  registerIncidentSearch();
  const { id } = await params;
  const body = await readIncidentBody(req);
  if ("response" in body) return body.response;
  try {
    const input = parseIncidentInput(body.incident);
    const current = await getIncident(id);
    if (!current) throw new IncidentNotFoundError(id);
    checkPlaybookRefs(input, await getContentIndex(), current);
    const incident = await updateIncident(id, input, { editorId: user.id, editorName: user.name, expectedUpdatedAt: body.expectedUpdatedAt });
    return Response.json({ id: incident.id, updatedAt: incident.updatedAt });
  } catch (err) {
    return incidentErrorResponse(err, { userId: user.id, incidentId: id });
  }
}
