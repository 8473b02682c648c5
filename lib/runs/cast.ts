// A recorded step as an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/):
// a JSON header line, then one [time, "o", text] line per stored chunk.
import { readOutput } from "./read-output";

export interface CastStep {
  id: string;
  stepId: string;
  shell: string;
  cols: number;
  rows: number;
  startedAt: Date;
  title: string;
}

export function castHeader(step: CastStep): string {
  return JSON.stringify({
    version: 2,
    width: step.cols,
    height: step.rows,
    timestamp: Math.floor(step.startedAt.getTime() / 1000),
    title: step.title,
    env: { TERM: "xterm-256color", SHELL: step.shell },
  });
}

/** The .cast file as a stream of lines; memory stays bounded whatever the output size. */
export function castStream(step: CastStep): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // asciicast holds text: decode as a stream so a character split across chunks stays whole.
  const decoder = new TextDecoder("utf-8");
  const chunks = readOutput(step.id);
  let headerSent = false;
  let lastT = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(castHeader(step) + "\n"));
        return;
      }
      const next = await chunks.next();
      if (next.done) {
        const rest = decoder.decode();
        if (rest) controller.enqueue(encoder.encode(JSON.stringify([lastT, "o", rest]) + "\n"));
        controller.close();
        return;
      }
      lastT = next.value.t;
      const text = decoder.decode(next.value.data, { stream: true });
      if (text)
        controller.enqueue(encoder.encode(JSON.stringify([Math.round(next.value.t * 1e6) / 1e6, "o", text]) + "\n"));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
