// GET /api/runs/:id/steps/:stepRunId/output → text/plain: the step's recorded output (secret
// inputs masked, terminal escapes kept); ?follow=1 keeps the answer open and streams live output
// until the step ends (or the client goes). Any signed-in user its host's access list lets in.
import * as z from "zod";
import { mayWatchRun } from "@/lib/hosts/host-access-store";
import { hubError } from "@/lib/http/hub-error";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { followOutput } from "@/lib/runs/hub-commands";
import { readOutput } from "@/lib/runs/read-output";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100), stepRunId: z.string().min(1).max(100) });
const query = z.object({
  follow: z.enum(["0", "1"], 'must be "0" or "1"').default("0").describe("1: stream live output until the step ends."),
});

const HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
};

function recorded(stepRunId: string): ReadableStream<Uint8Array> {
  const chunks = readOutput(stepRunId);
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value.data));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function followed(user: Parameters<typeof followOutput>[0], id: string, stepRunId: string, signal: AbortSignal) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let stopFollowing = () => {};
  let open = true;
  const stop = () => {
    open = false;
    signal.removeEventListener("abort", stop);
    stopFollowing();
  };
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: stop });
  const res = await followOutput(user, id, stepRunId, {
    data: (chunk) => void (open && controller.enqueue(new Uint8Array(chunk))),
    end: () => {
      if (open) controller.close();
      stop();
    },
  });
  if (!res.ok) return hubError(res.error);
  stopFollowing = res.stop;
  if (open) signal.addEventListener("abort", stop);
  else res.stop();
  return new Response(stream, { headers: HEADERS });
}

export const GET = route(
  {
    role: "viewer",
    params,
    query,
    doc: {
      summary: "Read a step's output, or follow it live",
      response: { contentType: "text/plain", description: "The output as the terminal got it, secrets masked." },
    },
  },
  async ({ req, user, params: { id, stepRunId }, query: { follow } }) => {
    const may = await mayWatchRun(user, id);
    if (!may.allowed) return jsonError(403, may.reason);
    if (follow === "1") return followed(user, id, stepRunId, req.signal);
    const step = await db.stepRun.findUnique({ where: { id: stepRunId }, select: { runId: true } });
    if (!step || step.runId !== id) return jsonError(404, `No step run ${stepRunId} in run ${id}.`);
    return new Response(recorded(stepRunId), { headers: HEADERS });
  },
);
