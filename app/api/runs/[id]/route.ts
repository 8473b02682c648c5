// GET /api/runs/:id → { run: RunView } (any signed-in user): the run, its steps and verdicts.
import * as z from "zod";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getPlaybook } from "@/lib/playbooks/content-index";
import { liveRunState } from "@/lib/runs/live-state";
import { loadRunView } from "@/lib/runs/run-views";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", params: z.object({ id: z.string() }) }, async ({ params: { id } }) => {
  const row = await db.run.findUnique({ where: { id }, select: { playbookSlug: true } });
  if (!row) return Response.json({ error: `No run ${id}.` }, { status: 404 });
  const run = await loadRunView(id, await getPlaybook(row.playbookSlug), liveRunState(id));
  return run ? Response.json({ run }) : Response.json({ error: `No run ${id}.` }, { status: 404 });
});
