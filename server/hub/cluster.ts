// What instances tell each other about runs, over the Redis adapter and sealed (redis-seal.ts):
// "let go of this host's runs" before one takes them over (its agent moved there), and a watching
// browser's acknowledgements, so that a browser lagging on one instance slows the agent on another.
// A replay of a step driven elsewhere asks its owner for the output it has not committed yet.
// A message that does not open is ignored.
import type { Namespace } from "socket.io";
import { z } from "zod";
import { log } from "@/lib/log";
import type { RecorderSnapshot } from "@/lib/runs/output-recorder";
import { openValue, sealValue, type Seal } from "./redis-seal";
import type { RunManager } from "./run-manager";

const RELEASE = "hub.release";
const WATCH = "hub.watch";
const SNAPSHOT = "hub.snapshot";

const releaseSchema = z.object({ hostId: z.string() });
const snapshotSchema = z.object({ stepRunId: z.string(), socketId: z.string() });
const snapshotAnswer = z.object({ committedSeq: z.number(), committedBytes: z.number(), tail: z.string() });
/** offset null: the watcher left. `runIds`: the runs it watches, as its instance knows them. */
const watchSchema = z.object({
  stepRunId: z.string().nullable(),
  socketId: z.string(),
  offset: z.number().nullable(),
  runIds: z.array(z.string()),
});

interface ClusterEvents {
  [RELEASE]: (sealed: unknown, done: (ok: boolean) => void) => void;
  [WATCH]: (sealed: unknown) => void;
  [SNAPSHOT]: (sealed: unknown, answer: (sealed: string | null) => void) => void;
}

type ClusterNamespace = Namespace<Record<string, never>, Record<string, never>, ClusterEvents>;

export interface Cluster {
  /** Resolves once every other instance answered (a dead one is not waited for past the timeout). */
  release(hostId: string): Promise<void>;
  /** Only the run's watchers hold the agent back: `runIds` are the runs the socket watches. */
  watcherAck(stepRunId: string, socketId: string, offset: number, runIds: string[]): void;
  watcherGone(socketId: string): void;
  /** The owner's recorder snapshot of a running step, for a replay here; null when none answers. */
  snapshot(stepRunId: string, socketId: string): Promise<RecorderSnapshot | null>;
}

/** With one instance there is nobody to tell. */
export const SOLO: Cluster = {
  release: async () => {},
  watcherAck: () => {},
  watcherGone: () => {},
  snapshot: async () => null,
};

export function setupCluster(ui: Namespace, runs: () => RunManager, seal: Seal): Cluster {
  const nsp = ui as unknown as ClusterNamespace;

  nsp.on(RELEASE, (sealed, done) => {
    const m = releaseSchema.safeParse(openValue(seal, sealed));
    if (!m.success) return done(false);
    runs()
      .release(m.data.hostId)
      .then(
        () => done(true),
        (err: unknown) => {
          log.error({ err, hostId: m.data.hostId }, "could not release a host's runs");
          done(false);
        },
      );
  });

  nsp.on(WATCH, (sealed) => {
    const m = watchSchema.safeParse(openValue(seal, sealed));
    if (!m.success) return;
    const { stepRunId, socketId, offset, runIds } = m.data;
    if (stepRunId === null || offset === null) return runs().watcherGone(socketId);
    const runId = runs().runOfStep(stepRunId);
    if (runId && runIds.includes(runId)) runs().session(stepRunId)?.watcherAck(socketId, offset);
  });

  nsp.on(SNAPSHOT, (sealed, answer) => {
    const m = snapshotSchema.safeParse(openValue(seal, sealed));
    const session = m.success ? runs().session(m.data.stepRunId) : null;
    if (!m.success || !session) return answer(null);
    session.readmit(m.data.socketId); // as a replay here does: live output resumes from this snapshot
    const { committedSeq, committedBytes, tail } = session.recorder.snapshot();
    answer(sealValue(seal, { committedSeq, committedBytes, tail: tail.toString("base64") }));
  });

  const watch = (stepRunId: string | null, socketId: string, offset: number | null, runIds: string[] = []) =>
    nsp.serverSideEmit(WATCH, sealValue(seal, { stepRunId, socketId, offset, runIds }));

  return {
    release: (hostId) =>
      new Promise((resolve) => {
        nsp.serverSideEmit(RELEASE, sealValue(seal, { hostId }), (err: Error | null) => {
          if (err) log.warn({ err, hostId }, "not every instance answered the release of a host in time");
          resolve();
        });
      }),
    watcherAck: watch,
    watcherGone: (socketId) => watch(null, socketId, null),
    snapshot: (stepRunId, socketId) =>
      new Promise((resolve) => {
        nsp.serverSideEmit(
          SNAPSHOT,
          sealValue(seal, { stepRunId, socketId }),
          (_err: Error | null, answers: unknown[]) => {
            for (const sealed of answers) {
              const parsed = snapshotAnswer.safeParse(openValue(seal, sealed));
              if (parsed.success) return resolve({ ...parsed.data, tail: Buffer.from(parsed.data.tail, "base64") });
            }
            resolve(null);
          },
        );
      }),
  };
}
