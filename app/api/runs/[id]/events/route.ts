// GET /api/runs/:id/events → application/x-ndjson: the run as the /ui socket's watchers see it,
// one JSON object a line. The first line is the run's current state; then run, step and output
// events (output bytes base64, secrets masked) until the run is no longer active, the client goes,
// or the caller may no longer see the run (a last "refused" line says why). Any signed-in user its
// host's access list lets in.
import * as z from "zod";
import { hubError } from "@/lib/http/hub-error";
import { route } from "@/lib/http/route";
import { watchRun, type RunEvent } from "@/lib/runs/hub-commands";
import { runEventLineSchema } from "@/lib/api/run-events";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

const line = (event: RunEvent): string =>
  `${JSON.stringify(event.type === "output" ? { ...event, data: event.data.toString("base64") } : event)}\n`;

export const GET = route(
  {
    role: "viewer",
    params,
    doc: {
      summary: "Follow a run's events",
      response: {
        contentType: "application/x-ndjson",
        description: "One JSON object a line; the first is the run's state. Ends when the run is no longer active.",
        schema: runEventLineSchema,
      },
    },
  },
  async ({ req, user, params: { id } }) => {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let open = true;
    let stopWatch = () => {};
    const stop = () => {
      if (!open) return;
      open = false;
      req.signal.removeEventListener("abort", stop);
      stopWatch();
    };
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: stop });
    const watch = await watchRun(user, id, (event) => {
      if (!open) return;
      controller.enqueue(encoder.encode(line(event)));
      if (event.type === "refused" || (event.type === "run" && event.run.status !== "active")) {
        controller.close();
        stop();
      }
    });
    if (!watch.ok) return hubError(watch.error);
    stopWatch = watch.stop;
    if (open) req.signal.addEventListener("abort", stop);
    else watch.stop();
    return new Response(stream, {
      headers: { "content-type": "application/x-ndjson", "cache-control": "private, no-store" },
    });
  },
);
