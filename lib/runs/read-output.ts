// Reads a step's recorded output back, in order and in bounded pages, for replay and .cast files.
import { readChunks } from "./chunk-store";

const PAGE_ROWS = 64;

export interface RecordedChunk {
  seq: number;
  t: number;
  offset: number;
  data: Buffer;
}

/** Rows with seq below `beforeSeq` (all when omitted), each with its byte offset. */
export async function* readOutput(stepRunId: string, beforeSeq?: number): AsyncGenerator<RecordedChunk> {
  let offset = 0;
  let afterSeq = -1;
  for (;;) {
    const rows = await readChunks(stepRunId, afterSeq, beforeSeq, PAGE_ROWS);
    for (const row of rows) {
      const data = row.data;
      yield { seq: row.seq, t: row.t, offset, data };
      offset += data.length;
      afterSeq = row.seq;
    }
    if (rows.length < PAGE_ROWS) return;
  }
}
