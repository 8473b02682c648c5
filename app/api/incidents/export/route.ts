// GET /api/incidents/export?status=&severity=&tag=&playbook= → every incident (or those the filter
// keeps) as JSON: { format: "casebook.incidents", version, incidents: [envelope] }, each envelope
// what GET /api/incidents/:id/export?format=json gives and POST /api/incidents/import takes.
import * as z from "zod";
import { incidentEnvelope, JSON_VERSION } from "@/lib/incidents/export-json";
import { getIncident } from "@/lib/incidents/get-incident";
import { incidentFilterSchema } from "@/lib/incidents/http";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { toExportable } from "@/lib/incidents/types";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const ALL_FORMAT = "casebook.incidents";

const envelope = z.object({
  format: z.literal("casebook.incident"),
  version: z.number(),
  incident: z.record(z.string(), z.unknown()).describe("The incident's fields, as POST /api/incidents takes them."),
  authors: z.array(z.string()),
});

export const GET = route(
  {
    role: "viewer",
    query: incidentFilterSchema,
    doc: {
      summary: "Export all incidents as JSON",
      response: z.object({ format: z.literal(ALL_FORMAT), version: z.number(), incidents: z.array(envelope) }),
    },
  },
  async ({ query }) => {
    const incidents = [];
    for (const { id } of await listIncidents(query)) {
      const incident = await getIncident(id);
      if (incident) incidents.push(incidentEnvelope(toExportable(incident)));
    }
    const day = new Date().toISOString().slice(0, 10);
    return Response.json(
      { format: ALL_FORMAT, version: JSON_VERSION, incidents },
      { headers: { "content-disposition": `attachment; filename="incidents-${day}.json"` } },
    );
  },
);
