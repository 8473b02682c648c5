// POST /api/runs/:id/cancel → 200 { }: the /ui socket's step.cancel, with its guards.
import * as z from "zod";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { runHubCommand } from "@/lib/runs/hub-commands";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route(
  {
    role: RUN_ACTIONS["cancel-steps"].role,
    params,
    doc: { summary: "Cancel the running step and stop run-all-read", status: 200, response: z.object({}) },
  },
  async ({ user, params: { id } }) => {
    const res = await runHubCommand(user, "step.cancel", { runId: id });
    return res.ok ? Response.json({}, { status: 200 }) : hubError(res.error);
  },
);
