// Connects a terminal to one step's output on the /ui socket. Output that arrived before the
// terminal (held by the router) is written first; anything missing (a finished step, a page that
// joined late, a gap after a reconnect) is asked for as a replay, which is written in one go.
// While the step runs, what the terminal has parsed is reported as `output.ack`.
import type { Terminal } from "@xterm/xterm";
import type { OutputRouter } from "../output-router";
import { request } from "../run-requests";
import type { UiSocket } from "../ui-socket";
import { OutputFeed } from "./output-feed";

const REPLAY_PATIENCE_MS = 15_000;

export interface OutputConnection {
  term: Terminal;
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
  let replaying = false;
  let closed = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;

  const replayEnded = () => {
    replaying = false;
    clearTimeout(giveUp);
    feed.release();
  };

  const askReplay = () => {
    if (replaying) return;
    replaying = true;
    feed.hold();
    // A replay cut short by a dropped connection must not freeze the terminal; the hub replays
    // the running step again when we resubscribe.
    giveUp = setTimeout(replayEnded, REPLAY_PATIENCE_MS);
    void request(c.socket, "step.replay", { runId: c.runId, stepRunId: c.stepRunId }).then((res) => {
      if (closed || res.ok) return;
      replayEnded();
      c.onProblem(res.error.message);
    });
  };

  const { detach, overflowed } = c.router.attach(c.stepRunId, (chunk) => {
    feed.push(chunk.offset, chunk.data);
    if (chunk.replayDone) {
      replayEnded();
      c.onCaughtUp?.();
    } else if (feed.hasGap) {
      askReplay();
    }
  });
  // Held output that starts at byte 0 means we saw the step from its first byte.
  if (overflowed || feed.received === 0 || feed.hasGap || !c.isLive()) askReplay();
  else c.onCaughtUp?.();

  return () => {
    closed = true;
    clearTimeout(giveUp);
    detach();
    feed.dispose();
  };
}
