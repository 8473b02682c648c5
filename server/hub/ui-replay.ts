// Sends a step's output to one browser as `step.replay` chunks: what is stored, then, while the
// step runs, what its recorder has not committed yet (asked of the instance driving it, if another).
import { once } from "node:events";
import { REPLAY_CHUNK_BYTES } from "@/lib/runs/protocol";
import type { RunStore } from "@/lib/runs/run-store";
import type { Cluster } from "./cluster";
import type { RunManager } from "./run-manager";
import type { UiSocket } from "./ui-socket";

export interface ReplaySources {
  runs: RunManager;
  store: RunStore;
  cluster: Cluster;
}

/** Resolves with the output size the replay started from, once the last chunk is sent. */
export async function sendReplay(
  socket: UiSocket,
  { runs, store, cluster }: ReplaySources,
  runId: string,
  stepRunId: string,
): Promise<number> {
  const session = runs.session(stepRunId);
  // Together, so no live chunk falls between what the replay holds and what goes out live.
  session?.readmit(socket.id);
  const snapshot = session ? session.recorder.snapshot() : await cluster.snapshot(stepRunId, socket.id);
  const stored = async () => (await store.stepRunOutput(stepRunId))?.outputBytes ?? 0;
  const totalBytes = snapshot ? snapshot.committedBytes + snapshot.tail.length : await stored();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingOffset = 0;
  const send = async (done: boolean) => {
    const data = Buffer.concat(pending, pendingBytes);
    socket.emit("step.replay", { runId, stepRunId, offset: pendingOffset, data, totalBytes, done });
    pendingOffset += pendingBytes;
    pending = [];
    pendingBytes = 0;
    // Do not pile a large replay into memory: wait while the connection's buffer is full.
    const conn = socket.conn as unknown as { writeBuffer?: unknown[] } & NodeJS.EventEmitter;
    if (!done && (conn.writeBuffer?.length ?? 0) > 4 && socket.connected) {
      await Promise.race([once(conn, "drain"), once(conn, "close"), new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const add = async (data: Buffer) => {
    pending.push(data);
    pendingBytes += data.length;
    if (pendingBytes >= REPLAY_CHUNK_BYTES) await send(false);
  };
  for await (const chunk of store.readOutput(stepRunId, snapshot?.committedSeq)) {
    if (!socket.connected) return totalBytes;
    await add(chunk.data);
  }
  if (snapshot?.tail.length) await add(snapshot.tail);
  await send(true);
  return totalBytes;
}
