// POST /api/drafts/:id/publish → 201 { slug, contentHash, href }: an editor publishes a reviewed
// draft into content/, served at once. Refusals name their reason: 403 (not an editor, or the
// two-person rule), 409 (decided already, or the published version is not the one it replaces),
// 422 (a step declares less risk than the classifier finds).
import * as z from "zod";
import { draftErrorResponse } from "@/lib/drafts/http";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route(
  {
    role: "operator",
    params,
    doc: {
      summary: "Publish a reviewed draft into content/",
      description: "Needs the editor permission; the two-person rule applies.",
      status: 201,
      response: z.object({ slug: z.string(), contentHash: z.string(), href: z.string() }),
    },
  },
  async ({ user, params: { id } }) => {
    try {
      const published = await publishDraft({ draftId: id, user });
      return Response.json(published, { status: 201, headers: { location: published.href } });
    } catch (err) {
      return draftErrorResponse(err, { userId: user.id, draftId: id });
    }
  },
);
