// A step's output for an in-process follower (the REST output stream): what is stored, what the
// recorder has not committed yet, then live chunks, trimmed where they overlap, until the step
// ends. Listening starts in the same tick as the recorder's snapshot, so no chunk falls between.
// A step driven by another instance (scale-out) is followed as far as it is stored.
import { log } from "@/lib/log";
import type { OutputSink, RunEvent } from "@/lib/runs/hub-commands";
import type { RunWatchers } from "./run-watchers";
import type { HubContext } from "./ui-commands";

export async function followStepOutput(
  { runs, store }: HubContext,
  watchers: RunWatchers,
  runId: string,
  stepRunId: string,
  sink: OutputSink,
): Promise<() => void> {
  const session = runs.session(stepRunId);
  let stopped = false;
  let at = 0;
  let live: RunEvent[] | null = [];
  let chain = Promise.resolve();
  const write = (data: Buffer) => (chain = chain.then(() => (stopped ? undefined : sink.data(data))));
  const finish = () => {
    if (stopped) return;
    stopped = true;
    unlisten();
    void chain.then(() => sink.end());
  };
  const take = (event: RunEvent) => {
    if (event.type === "output" && event.stepRunId === stepRunId) {
      const skip = at - event.offset; // bytes already sent
      if (skip < event.data.length) write(skip > 0 ? event.data.subarray(skip) : event.data);
      at = Math.max(at, event.offset + event.data.length);
    } else if (event.type === "step" && event.step.id === stepRunId && event.step.verdict !== "running") finish();
  };
  const unlisten = session ? watchers.add(runId, (e) => (live ? live.push(e) : take(e))) : () => {};
  const snapshot = session?.recorder.snapshot();
  void (async () => {
    for await (const chunk of store.readOutput(stepRunId, snapshot?.committedSeq)) {
      if (stopped) return;
      write(chunk.data);
      at += chunk.data.length;
    }
    if (snapshot?.tail.length) {
      write(snapshot.tail);
      at += snapshot.tail.length;
    }
    const held = live ?? [];
    live = null;
    for (const event of held) take(event);
    if (!session || runs.session(stepRunId) === null) finish();
  })().catch((err: unknown) => {
    log.error({ err, stepRunId }, "could not read a step's output for a follower");
    finish();
  });
  return () => {
    stopped = true;
    unlisten();
  };
}
