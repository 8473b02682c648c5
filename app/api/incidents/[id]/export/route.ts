// GET /api/incidents/:id/export?format=md|json → the incident as a Markdown write-up or JSON file.
import * as z from "zod";
import { exportIncidentJson } from "@/lib/incidents/export-json";
import { getIncident } from "@/lib/incidents/get-incident";
import { exportIncidentMarkdown } from "@/lib/incidents/markdown/export-markdown";
import { toExportable } from "@/lib/incidents/types";
import { route } from "@/lib/http/route";
import { slugify } from "@/lib/import/playbook-draft";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });
const query = z.object({ format: z.enum(["md", "json"], 'must be "md" or "json"').default("md") });

export const GET = route(
  {
    role: "viewer",
    params,
    query,
    doc: {
      summary: "Export an incident",
      response: { contentType: "text/markdown", description: "The write-up (JSON envelope with format=json)." },
    },
  },
  async ({ params, query: { format } }) => {
    const incident = await getIncident(params.id);
    if (!incident) return Response.json({ error: "No such incident" }, { status: 404 });
    const name = `${slugify(incident.title)}.${format}`;
    const exportable = toExportable(incident);
    const body = format === "md" ? exportIncidentMarkdown(exportable) : exportIncidentJson(exportable);
    return new Response(body, {
      headers: {
        "content-type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);
