// GET /api/incidents/:id/draft-playbook → the MDX playbook drafted from the incident's root causes.
// POST /api/incidents/:id/draft-playbook { slug?, replaces? } → 201 { id, slug, href }: the draft,
// stored for review (operators). It is not in content/ and cannot run until an editor publishes it.
import * as z from "zod";
import { incidentToPlaybookDraft } from "@/lib/incidents/draft-playbook";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentDraftInput } from "@/lib/drafts/draft-input";
import { draftErrorResponse } from "@/lib/drafts/http";
import { jsonBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { saveGeneratedDraft } from "@/lib/import/save-draft";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });
// A blank body keeps the drafted slug.
const saveBody = jsonBody(incidentDraftInput, "{ slug, replaces }", {});

export const GET = route(
  {
    role: "viewer",
    params,
    doc: {
      summary: "Draft a playbook from the incident",
      response: { contentType: "text/markdown", description: "The drafted MDX playbook." },
    },
  },
  async ({ params }) => {
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
  },
);

export const POST = route(
  {
    role: "operator",
    params,
    body: saveBody,
    doc: {
      summary: "Save the drafted playbook for review",
      status: 201,
      response: z.object({ id: z.string(), slug: z.string(), href: z.string() }).loose(),
    },
  },
  async ({ user, params: { id }, body }) => {
    const incident = await getIncident(id);
    if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
    const { draft } = await incidentToPlaybookDraft({ ...incident, id });
    try {
      const saved = await saveGeneratedDraft(draft, {
        slug: body.slug,
        replaces: body.replaces,
        source: "incident",
        sourceRef: id,
        author: user,
      });
      return Response.json(saved, { status: 201, headers: { location: saved.href } });
    } catch (err) {
      return draftErrorResponse(err, { userId: user.id, incidentId: id });
    }
  },
);
