// The three systems under comparison behind one shape: run a benchmark step's command and feed
// what the terminal would receive into a sink.
import type { BenchStep } from "./bench-playbook";
import { PLAYBOOK_SLUG } from "./bench-playbook";
import type { CasebookViewer, StepOutcome } from "./casebook-viewer";
import { childPids, type ProcessRoles } from "./cpu-usage";
import { runInRawPty, type TerminalSink } from "./raw-pty";
import { runInWetty } from "./wetty-peer";

export type SystemName = "casebook" | "wetty" | "raw";

export interface StreamingSystem {
  name: SystemName;
  label: string;
  /** The processes serving it (the benchmark process itself is the client). */
  roles(): ProcessRoles;
  run(
    step: BenchStep,
    sink: TerminalSink,
    timeoutMs: number,
    onSocketChunk?: (data: Uint8Array, at: bigint) => void,
  ): Promise<StepOutcome | null>;
}

export function rawPtySystem(): StreamingSystem {
  return {
    name: "raw",
    label: "raw PTY",
    roles: () => ({}),
    run: async (step, sink, timeoutMs) => (await runInRawPty(step.command, sink, timeoutMs), null),
  };
}

export function wettySystem(port: number, version: string, serverPid: number): StreamingSystem {
  return {
    name: "wetty",
    label: `WeTTY ${version}`,
    roles: () => ({ server: [serverPid] }),
    run: async (step, sink, timeoutMs) => (await runInWetty(port, step.command, sink, timeoutMs), null),
  };
}

/** `serverPid`: the bench server, whose child processes are the agents. */
export function casebookSystem(viewer: CasebookViewer, hostId: string, serverPid: number): StreamingSystem {
  return {
    name: "casebook",
    label: "Casebook",
    roles: () => ({ server: [serverPid], agents: childPids(serverPid) }),
    run: (step, sink, timeoutMs, onSocketChunk) =>
      viewer.runStep(PLAYBOOK_SLUG, hostId, step.id, sink, timeoutMs, onSocketChunk),
  };
}
