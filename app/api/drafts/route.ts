// POST /api/drafts[?slug=&replaces=&name=]: a playbook (.mdx) or a troubleshooting guide (.md) as a
// multipart `file` field or as the raw body → 201 { id, slug, href }, a draft stored for review
// (operators). Bad content: 400 with file:line reasons; a published slug: 409 naming its version.
// With `dryRun=1`: the same checks, nothing saved → 200 { slug, title, mdx, report } (report: the
// import report for a guide, null for a playbook), so the upload form can preview an import.
import { uploadDraftQuery } from "@/lib/drafts/draft-input";
import { draftErrorResponse } from "@/lib/drafts/http";
import { previewUpload, uploadDraft } from "@/lib/drafts/upload-draft";
import { route } from "@/lib/http/route";
import { readUpload } from "@/lib/http/upload";
import * as z from "zod";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    role: "operator",
    query: uploadDraftQuery,
    doc: {
      summary: "Upload a playbook or guide as a draft",
      status: 201,
      rawBody: { contentType: "text/markdown", description: "the file, raw or as a multipart `file` field" },
      response: z.object({ id: z.string(), slug: z.string(), href: z.string() }).loose(),
    },
  },
  async ({ req, user, query }) => {
    const file = await readUpload(req, query.name, () => "upload.mdx");
    if (file instanceof Response) return file;
    const upload = { ...file, author: user, slug: query.slug, replaces: query.replaces };
    try {
      if (query.dryRun) return Response.json(await previewUpload(upload));
      const saved = await uploadDraft(upload);
      return Response.json(saved, { status: 201, headers: { location: saved.href } });
    } catch (err) {
      return draftErrorResponse(err, { userId: user.id, file: file.name });
    }
  },
);
