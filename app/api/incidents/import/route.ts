// POST /api/incidents/import: a Markdown write-up or JSON export, as a multipart `file` field or as
// the raw body (`?name=` for the file name) → 201 { id }. Bad content: 400 with file:line reasons.
import { requireApiUser } from "@/lib/auth/session";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentErrorResponse, MAX_BODY_BYTES, readBody } from "@/lib/incidents/http";
import { importIncidentFile } from "@/lib/incidents/import-file";
import { registerIncidentSearch } from "@/lib/incidents/search-source";

export const dynamic = "force-dynamic";

async function uploaded(req: Request): Promise<{ name: string; text: string } | Response> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return Response.json({ error: "File too large" }, { status: 413 });
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!file || typeof file === "string") return Response.json({ error: 'Attach the write-up as the "file" field' }, { status: 400 });
    if (file.size > MAX_BODY_BYTES) return Response.json({ error: "File too large" }, { status: 413 });
    return { name: file.name || "upload.md", text: await file.text() };
  }
  const body = await readBody(req);
  if ("response" in body) return body.response;
  return { name: new URL(req.url).searchParams.get("name") ?? (type.includes("json") ? "upload.json" : "upload.md"), text: body.text };
}

export async function POST(req: Request): Promise<Response> {
  const user = await requireApiUser(req, "operator");
  if (user instanceof Response) return user;
  registerIncidentSearch();
  const file = await uploaded(req);
  if (file instanceof Response) return file;
  if (file.text.trim() === "") return Response.json({ error: `${file.name} is empty` }, { status: 400 });
  try {
    const incident = await createIncident(importIncidentFile(file.text, file.name), { authorId: user.id });
    return Response.json({ id: incident.id, title: incident.title }, { status: 201, headers: { location: `/incidents/${incident.id}` } });
  } catch (err) {
    return incidentErrorResponse(err, { userId: user.id, file: file.name });
  }
}
