// GET /api/incidents/:id/draft-playbook → the MDX playbook drafted from the incident's root causes.
// POST /api/incidents/:id/draft-playbook { slug? } → saves it as content/<slug>.mdx (operators).
import { requireApiUser } from "@/lib/auth/session";
import { incidentToPlaybookDraft } from "@/lib/incidents/draft-playbook";
import { getIncident } from "@/lib/incidents/get-incident";
import { readBody } from "@/lib/incidents/http";
import { DraftSaveError, savePlaybookDraft } from "@/lib/import/save-draft";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

interface Ctx {
  params: Promise<{ id: string }>;
}

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const incident = await getIncident((await params).id);
  if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
  const { draft, mdx } = incidentToPlaybookDraft(incident);
  return new Response(mdx, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${draft.slug}.mdx"`,
      "x-content-type-options": "nosniff",
    },
  });
}

export async function POST(req: Request, { params }: Ctx): Promise<Response> {
  const user = await requireApiUser(req, "operator");
  if (user instanceof Response) return user;
  const { id } = await params;
  const incident = await getIncident(id);
  if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
  const body = await readBody(req);
  if ("response" in body) return body.response;
  let slug: unknown;
  try {
    slug = body.text.trim() ? (JSON.parse(body.text) as { slug?: unknown }).slug : undefined;
  } catch {
    return Response.json({ error: "The body must be JSON: { slug }" }, { status: 400 });
  }
  if (slug !== undefined && typeof slug !== "string") return Response.json({ error: "slug must be text" }, { status: 400 });
  const { draft, mdx } = incidentToPlaybookDraft(incident);
  const target = slug?.trim() || draft.slug;
  try {
    const saved = await savePlaybookDraft(mdx, target);
    log.info({ userId: user.id, incidentId: id, file: saved.file }, "playbook draft saved from incident");
    return Response.json({ slug: target, file: saved.file, href: `/playbooks/${target}` }, { status: 201 });
  } catch (err) {
    if (err instanceof DraftSaveError) return Response.json({ error: err.message }, { status: err.status });
    log.error({ err, incidentId: id }, "saving a playbook draft failed");
    return Response.json({ error: "Saving the draft failed on the server." }, { status: 500 });
  }
}
