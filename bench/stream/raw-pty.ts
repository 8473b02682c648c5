// The ceiling: the same command typed into an interactive bash in a node-pty PTY (as WeTTY does),
// its output read in this process and handed straight to the sink: no network, no server.
import { spawn } from "node-pty";

export interface TerminalSink {
  push(chunk: Uint8Array, at?: bigint): void;
  readonly done: Promise<unknown>;
}

export async function runInRawPty(command: string, sink: TerminalSink, timeoutMs: number): Promise<void> {
  const pty = spawn("bash", [], {
    name: "xterm-256color",
    cols: 80,
    rows: 30,
    cwd: process.cwd(),
    env: { ...process.env, TERM: "xterm-256color" } as Record<string, string>,
    encoding: null, // raw bytes, as the Casebook agent reads them
  });
  // With `encoding: null` node-pty hands out Buffers although its typings say string.
  pty.onData((data: string | Buffer) =>
    sink.push(typeof data === "string" ? Buffer.from(data) : data, process.hrtime.bigint()),
  );
  pty.write(`${command}\r`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sink.done,
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`raw PTY: no end marker after ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
    pty.kill("SIGKILL");
  }
}
