// POST /api/runs { playbook, hostId, inputs? } → 201 { runId, run }: starts a run, as the /ui
// socket's run.start does (operators and admins; the host's access list applies).
import * as z from "zod";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { jsonBody } from "@/lib/http/body";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { runHubCommand } from "@/lib/runs/hub-commands";
import { runStartSchema, runViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const body = jsonBody(runStartSchema, '{ "playbook": "slug", "hostId": "…", "inputs": { "NAME": "value" } }');

export const POST = route(
  {
    role: RUN_ACTIONS["start-runs"].role,
    body,
    doc: {
      summary: "Start a run of a playbook on a host",
      status: 201,
      response: z.object({ runId: z.string(), run: runViewSchema }),
    },
  },
  async ({ user, body }) => {
    const res = await runHubCommand(user, "run.start", body);
    if (!res.ok) return hubError(res.error);
    return Response.json(
      { runId: res.runId, run: res.run },
      { status: 201, headers: { location: `/runs/${res.runId}` } },
    );
  },
);
