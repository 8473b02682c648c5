// POST /api/incidents/import: a Markdown write-up or JSON export, as a multipart `file` field or as
// the raw body (`?name=` for the file name) → 201 { id }. Bad content: 400 with file:line reasons.
import * as z from "zod";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentErrorResponse } from "@/lib/incidents/http";
import { importIncidentFile } from "@/lib/incidents/import-file";
import { MAX_BODY_BYTES, readBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const query = z.object({ name: z.string().optional() });

async function uploaded(req: Request, name: string | undefined): Promise<{ name: string; text: string } | Response> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const tooLarge = () => Response.json({ error: "File too large" }, { status: 413 });
    if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return tooLarge();
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!file || typeof file === "string")
      return Response.json({ error: 'Attach the write-up as the "file" field' }, { status: 400 });
    if (file.size > MAX_BODY_BYTES) return tooLarge();
    return { name: file.name || "upload.md", text: await file.text() };
  }
  const body = await readBody(req);
  if (!body.ok) return body.response;
  return { name: name ?? (type.includes("json") ? "upload.json" : "upload.md"), text: body.value };
}

export const POST = route({ role: "operator", query }, async ({ req, user, query }) => {
  const file = await uploaded(req, query.name);
  if (file instanceof Response) return file;
  if (file.text.trim() === "") return Response.json({ error: `${file.name} is empty` }, { status: 400 });
  try {
    const incident = await createIncident(importIncidentFile(file.text, file.name), { authorId: user.id });
    const headers = { location: `/incidents/${incident.id}` };
    return Response.json({ id: incident.id, title: incident.title }, { status: 201, headers });
  } catch (err) {
    return incidentErrorResponse(err, { userId: user.id, file: file.name });
  }
});
