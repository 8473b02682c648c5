// Connects a terminal to one step's output on the /ui socket. Output that arrived before the
// terminal (held by the router) is written first; anything missing (a finished step, a page that
// joined late, a gap after a reconnect, live output the hub stopped sending because this page fell
// behind) is asked for as a replay (ReplayRequests), which is written in one go. The terminal keeps
// what it has: its bytes are a gap-free prefix of the step's output, so the replay only adds the
// rest, and the feed drops what it already has. While the step runs, what the terminal has parsed
// is reported as `output.ack`.
import type { Terminal } from "@xterm/xterm";
import type { OutputRouter } from "../output-router";
import { request } from "../run-requests";
import type { UiSocket } from "../ui-socket";
import { OutputFeed } from "./output-feed";
import { ReplayRequests } from "./replay-requests";

export interface OutputConnection {
  term: Pick<Terminal, "write">;
  socket: UiSocket;
  router: OutputRouter;
  runId: string;
  stepRunId: string;
  /** Read at each report: acknowledgements matter only while the step runs. */
  isLive: () => boolean;
  onProblem: (message: string) => void;
  /** The terminal has everything recorded so far (after the replay, if one was needed). */
  onCaughtUp?: () => void;
}

export function connectOutput(c: OutputConnection): () => void {
  const feed = new OutputFeed({
    writer: { write: (data, done) => c.term.write(data, done) },
    onConsumed: (offset) => {
      if (c.isLive() && c.socket.connected) c.socket.emit("output.ack", { stepRunId: c.stepRunId, offset });
    },
  });
  const replays = new ReplayRequests({
    // The hub replays the running step again when we resubscribe after a dropped connection.
    request: async () => {
      const res = await request(c.socket, "step.replay", { runId: c.runId, stepRunId: c.stepRunId });
      return res.ok ? null : res.error.message;
    },
    hold: () => feed.hold(),
    release: () => feed.release(),
    onProblem: c.onProblem,
  });

  const { detach, overflowed } = c.router.attach(
    c.stepRunId,
    (chunk) => {
      feed.push(chunk.offset, chunk.data);
      if (chunk.replayDone) {
        replays.ended();
        if (!replays.active) c.onCaughtUp?.();
      } else if (feed.hasGap) {
        replays.fill();
      }
    },
    () => replays.resync(),
  );
  // Held output that starts at byte 0 means we saw the step from its first byte.
  if (overflowed || feed.received === 0 || feed.hasGap || !c.isLive()) replays.fill();
  else c.onCaughtUp?.();

  return () => {
    replays.dispose();
    detach();
    feed.dispose();
  };
}
