// A terminal that the hub drops from a step's live output (`step.resync`) catches up by replay and
// goes on live, ending with every byte exactly once. The hub is scripted here; the real one is in
// server/hub/hub-abuse.test.ts ("a dropped watcher").
import { describe, expect, it } from "vitest";
import { OutputRouter } from "../output-router";
import type { UiSocket } from "../ui-socket";
import { connectOutput } from "./connect-output";
import { REPORT_DELAY_MS } from "./output-feed";

const STEP = Buffer.from(Array.from({ length: 30 }, (_, i) => `line ${String(i).padStart(2, "0")}\n`).join(""));
const CHUNK = 8;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function scriptedHub() {
  const router = new OutputRouter();
  const requests: string[] = [];
  const acks: number[] = [];
  const socket = {
    connected: true,
    emit(event: string, payload: { offset?: number }, reply?: (res: unknown) => void) {
      if (event === "output.ack") acks.push(payload.offset!);
      else requests.push(event);
      if (event === "step.replay") reply?.({ ok: true, totalBytes: 0 });
    },
  } as unknown as UiSocket;
  /** Live chunks of bytes [from, to). */
  const live = (from: number, to: number) => {
    for (let at = from; at < to; at += CHUNK)
      router.route("s1", { offset: at, data: STEP.subarray(at, Math.min(to, at + CHUNK)) });
  };
  /** A replay of what is recorded up to `to`, in two chunks. */
  const replay = (to: number) => {
    router.route("s1", { offset: 0, data: STEP.subarray(0, to >> 1) });
    router.route("s1", { offset: to >> 1, data: STEP.subarray(to >> 1, to), replayDone: true });
  };
  return { router, socket, requests, acks, live, replay };
}

describe("connectOutput on step.resync", () => {
  it("keeps what the terminal has, replays the rest, continues live: each byte once", async () => {
    const hub = scriptedHub();
    const written: Buffer[] = [];
    let caughtUp = 0;
    const term = { write: (data: Uint8Array, done?: () => void) => void (written.push(Buffer.from(data)), done?.()) };
    hub.live(0, 16); // the step's first bytes, held until the terminal mounts
    const close = connectOutput({
      term: term as never,
      socket: hub.socket,
      router: hub.router,
      runId: "r1",
      stepRunId: "s1",
      isLive: () => true,
      onProblem: (m) => expect.fail(m),
      onCaughtUp: () => caughtUp++,
    });
    expect(hub.requests).toEqual([]); // it saw the step from byte 0: no replay needed
    hub.live(16, 80);
    await tick();
    const beforeDrop = written.length;
    // The hub drops this page: bytes 80..160 go to others only, then it says so.
    hub.router.resync("s1");
    expect(hub.requests).toEqual(["step.replay"]);
    hub.replay(160);
    hub.live(160, STEP.length);
    await tick();
    expect(Buffer.concat(written).equals(STEP)).toBe(true);
    // Kept, not cleared and written again.
    expect(Buffer.concat(written.slice(0, beforeDrop)).equals(STEP.subarray(0, 80))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, REPORT_DELAY_MS + 10)); // the catch-up report
    expect(hub.acks.at(-1)).toBe(STEP.length);
    expect(caughtUp).toBe(2); // at mount, and when the replay ended
    close();
  });

  it("asks for one more replay when dropped while a replay it asked for runs", async () => {
    const hub = scriptedHub();
    const written: Buffer[] = [];
    const term = { write: (data: Uint8Array, done?: () => void) => void (written.push(Buffer.from(data)), done?.()) };
    const close = connectOutput({
      term: term as never,
      socket: hub.socket,
      router: hub.router,
      runId: "r1",
      stepRunId: "s1",
      isLive: () => true,
      onProblem: (m) => expect.fail(m),
    });
    expect(hub.requests).toEqual(["step.replay"]); // joined late
    hub.router.resync("s1"); // dropped before that replay was taken
    hub.replay(40);
    expect(hub.requests).toEqual(["step.replay", "step.replay"]);
    hub.replay(120);
    hub.live(120, STEP.length);
    await tick();
    expect(Buffer.concat(written).equals(STEP)).toBe(true);
    close();
  });
});
