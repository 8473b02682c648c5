// POST /api/runs/:id/finish → { run }: closes the run (no more steps), as the /ui socket's run.finish.
import * as z from "zod";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { runHubCommand } from "@/lib/runs/hub-commands";
import { runViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route(
  {
    role: RUN_ACTIONS["finish-runs"].role,
    params,
    doc: { summary: "Finish the run", response: z.object({ run: runViewSchema }) },
  },
  async ({ user, params: { id } }) => {
    const res = await runHubCommand(user, "run.finish", { runId: id });
    return res.ok ? Response.json({ run: res.run }) : hubError(res.error);
  },
);
