// GET /api/runs/:id/steps/:stepRunId?wait=<seconds ≤ 60> → { step: StepRunView }: at once, or
// once the verdict is no longer "running" (or at the timeout, still "running"). Any signed-in
// user its host's access list lets in.
import * as z from "zod";
import { waitForVerdict } from "@/lib/api/step-wait";
import { mayWatchRun } from "@/lib/hosts/host-access-store";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { stepRunViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100), stepRunId: z.string().min(1).max(100) });
const query = z.object({
  wait: z.coerce
    .number("must be a number of seconds")
    .int("must be whole seconds")
    .min(0, "must be from 0 to 60")
    .max(60, "must be from 0 to 60")
    .default(0)
    .describe("Seconds to wait for the verdict; 0 answers at once."),
});

export const GET = route(
  {
    role: "viewer",
    params,
    query,
    doc: { summary: "Read a step run, waiting for its verdict", response: z.object({ step: stepRunViewSchema }) },
  },
  async ({ req, user, params: { id, stepRunId }, query: { wait } }) => {
    const may = await mayWatchRun(user, id);
    if (!may.allowed) return jsonError(403, may.reason);
    const step = await waitForVerdict(user, id, stepRunId, wait, req.signal);
    return step ? Response.json({ step }) : jsonError(404, `No step run ${stepRunId} in run ${id}.`);
  },
);
