// POST /api/incidents/import: a Markdown write-up or JSON export, as a multipart `file` field or as
// the raw body (`?name=` for the file name) → 201 { id }. Bad content: 400 with file:line reasons.
import * as z from "zod";
import { createIncident } from "@/lib/incidents/create-incident";
import { incidentErrorResponse } from "@/lib/incidents/http";
import { importIncidentFile } from "@/lib/incidents/import-file";
import { route } from "@/lib/http/route";
import { readUpload } from "@/lib/http/upload";

export const dynamic = "force-dynamic";

const query = z.object({ name: z.string().optional() });

export const POST = route(
  {
    role: "operator",
    query,
    doc: {
      summary: "Import an incident (Markdown write-up or JSON export)",
      status: 201,
      rawBody: {
        contentType: "application/json",
        description: "the file, raw (or text/markdown) or as a multipart `file` field",
      },
      response: z.object({ id: z.string(), title: z.string() }),
    },
  },
  async ({ req, user, query }) => {
    const file = await readUpload(req, query.name, (type) => (type.includes("json") ? "upload.json" : "upload.md"));
    if (file instanceof Response) return file;
    if (file.text.trim() === "") return Response.json({ error: `${file.name} is empty` }, { status: 400 });
    try {
      const incident = await createIncident(importIncidentFile(file.text, file.name), { authorId: user.id });
      const headers = { location: `/incidents/${incident.id}` };
      return Response.json({ id: incident.id, title: incident.title }, { status: 201, headers });
    } catch (err) {
      return incidentErrorResponse(err, { userId: user.id, file: file.name });
    }
  },
);
