// POST /api/runs/:id/run-all-read → 202 { }: the /ui socket's run.runAllRead, with its guards. The walk
// (path, and why it stopped) is in the run: GET /api/runs/:id or its events.
import * as z from "zod";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { runHubCommand } from "@/lib/runs/hub-commands";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route(
  {
    role: RUN_ACTIONS["run-steps"].role,
    params,
    doc: { summary: "Run the read steps along the decision tree", status: 202, response: z.object({}) },
  },
  async ({ user, params: { id } }) => {
    const res = await runHubCommand(user, "run.runAllRead", { runId: id });
    return res.ok ? Response.json({}, { status: 202 }) : hubError(res.error);
  },
);
