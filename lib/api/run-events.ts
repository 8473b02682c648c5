// The lines of GET /api/runs/:id/events (application/x-ndjson), for its API document and clients.
import * as z from "zod";
import { runViewSchema, stepRunViewSchema } from "@/lib/runs/protocol";

/** One line of the stream. */
export const runEventLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("run"), run: runViewSchema }),
  z.object({ type: z.literal("step"), step: stepRunViewSchema }),
  z.object({
    type: z.literal("output"),
    stepRunId: z.string(),
    offset: z.number().describe("Byte offset of the chunk's first byte in the step's output."),
    data: z.string().describe("The bytes, base64."),
  }),
  z.object({
    type: z.literal("refused"),
    message: z.string().describe("Why the stream ended: the caller may no longer see this run."),
  }),
]);
