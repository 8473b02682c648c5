// GET /api/runs/:id → { run: RunView } (any signed-in user its host's access list lets in): the
// run, its inputs, its steps and verdicts.
import * as z from "zod";
import { mayWatchRun } from "@/lib/hosts/host-access-store";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { findRunView } from "@/lib/runs/find-run-view";
import { runViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    role: "viewer",
    params: z.object({ id: z.string() }),
    doc: { summary: "Read a run: inputs, steps and verdicts", response: z.object({ run: runViewSchema }) },
  },
  async ({ user, params: { id } }) => {
    const may = await mayWatchRun(user, id);
    if (!may.allowed) return jsonError(403, may.reason);
    const found = await findRunView(id);
    return found ? Response.json({ run: found.run }) : Response.json({ error: `No run ${id}.` }, { status: 404 });
  },
);
