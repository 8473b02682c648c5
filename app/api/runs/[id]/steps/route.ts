// POST /api/runs/:id/steps { stepId, confirm?, typedStepId? } → 202 { stepRunId }: starts a step,
// as the /ui socket's step.run does. Its verdict: GET /api/runs/:id/steps/:stepRunId?wait=60.
import * as z from "zod";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { jsonBody } from "@/lib/http/body";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { runHubCommand } from "@/lib/runs/hub-commands";
import { stepRunSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });
const body = jsonBody(stepRunSchema.omit({ runId: true }), '{ "stepId": "check-disk", "confirm": true }');

export const POST = route(
  {
    role: RUN_ACTIONS["run-steps"].role,
    params,
    body,
    doc: {
      summary: "Run a step of the run",
      description: "A change step needs confirm: true; a danger step also typedStepId (the step's id). One at a time.",
      status: 202,
      response: z.object({ stepRunId: z.string() }),
    },
  },
  async ({ user, params: { id }, body }) => {
    const res = await runHubCommand(user, "step.run", { ...body, runId: id });
    return res.ok ? Response.json({ stepRunId: res.stepRunId }, { status: 202 }) : hubError(res.error);
  },
);
