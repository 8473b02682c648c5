// The /ui commands as promises, typed by the command table (UI_COMMANDS in lib/runs/protocol.ts):
// `request(socket, "step.run", payload)` for any command, no helper per event. Every command is
// answered through its acknowledgement; one that gets no answer (the connection is down) resolves
// with an error instead of hanging a button.
import type { UiCommand, UiReply, UiRequestInput } from "@/lib/runs/protocol";
import type { UiSocket } from "./ui-socket";

const ANSWER_TIMEOUT_MS = 20_000;

type Emit = (event: UiCommand, payload: unknown, reply: (res: unknown) => void) => void;

const NO_ANSWER = "The server did not answer; check your connection and try again.";

export function request<E extends UiCommand>(socket: UiSocket, event: E, req: UiRequestInput<E>): Promise<UiReply<E>> {
  return new Promise((resolve) => {
    const noAnswer = () => resolve({ ok: false, error: { code: "internal", message: NO_ANSWER } });
    const timer = setTimeout(noAnswer, ANSWER_TIMEOUT_MS);
    (socket.emit as unknown as Emit).call(socket, event, req, (res) => {
      clearTimeout(timer);
      resolve(res as UiReply<E>);
    });
  });
}
