// GET /api/incidents/:id/draft-playbook → the MDX playbook drafted from the incident's root causes.
// POST /api/incidents/:id/draft-playbook { slug? } → saves it as content/<slug>.mdx (operators).
import * as z from "zod";
import { incidentToPlaybookDraft } from "@/lib/incidents/draft-playbook";
import { getIncident } from "@/lib/incidents/get-incident";
import { jsonBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { DraftSaveError, savePlaybookDraft } from "@/lib/import/save-draft";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });
const saveSchema = z.object({ slug: z.string("must be text").optional() }, "The body must be JSON: { slug }");
// A blank body keeps the drafted slug.
const saveBody = jsonBody(saveSchema, "{ slug }", {});

export const GET = route({ role: "viewer", params }, async ({ params }) => {
  const incident = await getIncident(params.id);
  if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
  const { draft, mdx } = await incidentToPlaybookDraft(incident);
  return new Response(mdx, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${draft.slug}.mdx"`,
      "x-content-type-options": "nosniff",
    },
  });
});

export const POST = route({ role: "operator", params, body: saveBody }, async ({ user, params: { id }, body }) => {
  const incident = await getIncident(id);
  if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
  const { draft, mdx } = await incidentToPlaybookDraft(incident);
  const target = body.slug?.trim() || draft.slug;
  try {
    const saved = await savePlaybookDraft(mdx, target);
    log.info({ userId: user.id, incidentId: id, file: saved.file }, "playbook draft saved from incident");
    return Response.json({ slug: target, file: saved.file, href: `/playbooks/${target}` }, { status: 201 });
  } catch (err) {
    if (err instanceof DraftSaveError) return Response.json({ error: err.message }, { status: err.status });
    log.error({ err, incidentId: id }, "saving a playbook draft failed");
    return Response.json({ error: "Saving the draft failed on the server." }, { status: 500 });
  }
});
