// The /ui namespace as socket.io types it, and the room each run's watchers join.
import type { Namespace, Socket } from "socket.io";
import type { SessionUser } from "@/lib/auth/request-user";
import type { UiClientToServerEvents, UiServerToClientEvents } from "@/lib/runs/protocol";

export interface UiSocketData {
  user: SessionUser;
}

type NoEvents = Record<string, never>;
export type UiNamespace = Namespace<UiClientToServerEvents, UiServerToClientEvents, NoEvents, UiSocketData>;
export type UiSocket = Socket<UiClientToServerEvents, UiServerToClientEvents, NoEvents, UiSocketData>;

export const runRoom = (runId: string) => `run:${runId}`;
