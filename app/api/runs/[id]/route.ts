// GET /api/runs/:id → { run: RunView } (any signed-in user): the run, its steps and verdicts.
import * as z from "zod";
import { route } from "@/lib/http/route";
import { findRunView } from "@/lib/runs/find-run-view";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", params: z.object({ id: z.string() }) }, async ({ params: { id } }) => {
  const found = await findRunView(id);
  return found ? Response.json({ run: found.run }) : Response.json({ error: `No run ${id}.` }, { status: 404 });
});
