// GET /api/drafts/:id/mdx → the draft's MDX as a download (operators), to edit it elsewhere or to
// add it to the playbooks repository by hand.
import * as z from "zod";
import { getDraft } from "@/lib/drafts/get-draft";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route(
  {
    role: "operator",
    params,
    doc: { summary: "Download a draft's MDX", response: { contentType: "text/markdown", description: "The draft." } },
  },
  async ({ params: { id } }) => {
    const draft = await getDraft(id);
    if (!draft) return jsonError(404, "No such draft.");
    return new Response(draft.mdx, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${draft.slug}.mdx"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);
