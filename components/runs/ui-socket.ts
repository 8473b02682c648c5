// The page's one socket.io connection to the run hub's /ui namespace. Components share it through
// UiSocketProvider; it is created by the first user and closed shortly after the last one leaves,
// so a client-side navigation between run pages keeps the same connection.
import { io, type Socket } from "socket.io-client";
import type { UiClientToServerEvents, UiServerToClientEvents, UiStepOutput, UiStepReplay } from "@/lib/runs/protocol";
import { OutputRouter } from "./output-router";

export type UiSocket = Socket<UiServerToClientEvents, UiClientToServerEvents>;

export interface UiConnection {
  socket: UiSocket;
  router: OutputRouter;
  connected: boolean;
  /** Why the hub refused or dropped the connection, in words. */
  problem: string | null;
}

interface Shared {
  socket: UiSocket;
  router: OutputRouter;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  snapshot: UiConnection;
  listeners: Set<() => void>;
}

const CLOSE_DELAY_MS = 2000;
let shared: Shared | null = null;

function asBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(0);
}

function create(): Shared {
  const socket: UiSocket = io("/ui", { withCredentials: true });
  const router = new OutputRouter();
  const state: Shared = {
    socket,
    router,
    refs: 0,
    closeTimer: null,
    snapshot: { socket, router, connected: false, problem: null },
    listeners: new Set(),
  };
  const update = (patch: Partial<Pick<UiConnection, "connected" | "problem">>) => {
    state.snapshot = { ...state.snapshot, ...patch };
    for (const listener of state.listeners) listener();
  };
  socket.on("connect", () => update({ connected: true, problem: null }));
  socket.on("disconnect", (reason) => {
    update({
      connected: false,
      problem: reason === "io client disconnect" ? null : "Connection to the server lost; reconnecting…",
    });
  });
  socket.on("connect_error", (err) => {
    // A refusal by the hub's middleware is final (socket.io does not retry it); a network error is not.
    update({
      connected: false,
      problem: socket.active
        ? "Cannot reach the server; retrying…"
        : `The server refused the live connection: ${err.message}`,
    });
  });
  socket.on("step.output", (chunk: UiStepOutput) =>
    router.route(chunk.stepRunId, { offset: chunk.offset, data: asBytes(chunk.data) }),
  );
  socket.on("step.replay", (chunk: UiStepReplay) => {
    router.route(chunk.stepRunId, { offset: chunk.offset, data: asBytes(chunk.data), replayDone: chunk.done });
  });
  socket.on("step.resync", ({ stepRunId }) => router.resync(stepRunId));
  return state;
}

/** Subscribes to the shared connection (creating it); the returned function lets go of it. */
export function subscribeUiConnection(onChange: () => void): () => void {
  const state = (shared ??= create());
  if (state.closeTimer) {
    clearTimeout(state.closeTimer);
    state.closeTimer = null;
  }
  state.refs += 1;
  state.listeners.add(onChange);
  return () => {
    state.listeners.delete(onChange);
    state.refs -= 1;
    if (state.refs > 0) return;
    state.closeTimer = setTimeout(() => {
      if (state.refs > 0 || shared !== state) return;
      state.socket.disconnect();
      shared = null;
    }, CLOSE_DELAY_MS);
  };
}

export function currentUiConnection(): UiConnection | null {
  return shared?.snapshot ?? null;
}
