// GET /api/runs/:id/steps/:stepRunId/cast → the step's output as an asciicast v2 file (any
// signed-in user its host's access list lets in), streamed so a large output never sits in memory.
import * as z from "zod";
import { db } from "@/lib/db/client";
import { mayWatchRun } from "@/lib/hosts/host-access-store";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { castStream } from "@/lib/runs/cast";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string(), stepRunId: z.string() });

export const GET = route(
  {
    role: "viewer",
    params,
    doc: {
      summary: "Download a step's output as an asciicast",
      response: { contentType: "application/x-asciicast", description: "asciicast v2, for asciinema play." },
    },
  },
  async ({ user, params: { id, stepRunId } }) => {
    const may = await mayWatchRun(user, id);
    if (!may.allowed) return jsonError(403, may.reason);
    const step = await db.stepRun.findUnique({
      where: { id: stepRunId },
      select: {
        id: true,
        runId: true,
        stepId: true,
        shell: true,
        cols: true,
        rows: true,
        startedAt: true,
        run: { select: { playbookSlug: true } },
      },
    });
    if (!step || step.runId !== id)
      return Response.json({ error: `No step run ${stepRunId} in run ${id}.` }, { status: 404 });
    const title = `${step.run.playbookSlug} · ${step.stepId}`;
    const file = `${step.run.playbookSlug}-${step.stepId}-${step.id}.cast`;
    return new Response(castStream({ ...step, title }), {
      headers: {
        "content-type": "application/x-asciicast; charset=utf-8",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
