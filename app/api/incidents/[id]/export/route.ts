// GET /api/incidents/:id/export?format=md|json → the incident as a Markdown write-up or JSON file.
import { requireApiUser } from "@/lib/auth/session";
import { exportIncidentJson } from "@/lib/incidents/export-json";
import { getIncident } from "@/lib/incidents/get-incident";
import { exportIncidentMarkdown } from "@/lib/incidents/markdown/export-markdown";
import { toExportable } from "@/lib/incidents/types";
import { slugify } from "@/lib/import/playbook-draft";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const format = new URL(req.url).searchParams.get("format") ?? "md";
  if (format !== "md" && format !== "json") return Response.json({ error: 'format must be "md" or "json"' }, { status: 400 });
  const incident = await getIncident((await params).id);
  if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
  const name = `${slugify(incident.title)}.${format}`;
  const body = format === "md" ? exportIncidentMarkdown(toExportable(incident)) : exportIncidentJson(toExportable(incident));
  return new Response(body, {
    headers: {
      "content-type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
