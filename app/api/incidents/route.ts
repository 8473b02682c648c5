// GET /api/incidents?status=&severity=&tag=&playbook= → { incidents } (any signed-in user)
// POST /api/incidents { incident } → 201 { id } (operators and admins); 400 { error, issues } on bad input
import { requireApiUser } from "@/lib/auth/session";
import { checkPlaybookRefs } from "@/lib/incidents/check-playbook-refs";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentErrorResponse, readIncidentBody } from "@/lib/incidents/http";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { parseIncidentInput } from "@/lib/incidents/schema";
import { registerIncidentSearch } from "@/lib/incidents/search-source";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const p = new URL(req.url).searchParams;
  const filter = {
    status: p.get("status") ?? undefined,
    severity: p.get("severity") ?? undefined,
    tag: p.get("tag") ?? undefined,
    playbook: p.get("playbook") ?? undefined,
  };
  return Response.json({ incidents: await listIncidents(filter) });
}

export async function POST(req: Request): Promise<Response> {
  const user = await requireApiUser(req, "operator");
  if (user instanceof Response) return user;
  registerIncidentSearch();
  const body = await readIncidentBody(req);
  if ("response" in body) return body.response;
  try {
    const input = parseIncidentInput(body.incident);
    checkPlaybookRefs(input, await getContentIndex());
    const incident = await createIncident(input, { authorId: user.id });
    return Response.json({ id: incident.id }, { status: 201, headers: { location: `/incidents/${incident.id}` } });
  } catch (err) {
    return incidentErrorResponse(err, { userId: user.id });
  }
}
