// One step's process in a real PTY: raw output bytes out, pause/resume for flow control, and an
// ending that always comes after the last byte (cancel, timeout and output cap included).
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type * as NodePty from "node-pty";
import type { ExitCause, StepStart } from "./protocol";

export interface StepResult {
  exitCode: number | null;
  signal: string | null;
  cause: ExitCause;
  error?: string;
  startedAt: Date;
  endedAt: Date;
}

export interface StepProcessOptions {
  defaultShell: string;
  workdir: string;
  /** Between Ctrl-C/SIGINT, SIGTERM and SIGKILL. */
  graceMs: number;
  /** The environment steps inherit (the agent's own, minus its settings). */
  baseEnv: Record<string, string>;
  onOutput: (bytes: Buffer) => void;
  onExit: (result: StepResult) => void;
}

/** node-pty is native and costs an idle agent about 2 MB resident: the first step loads it. */
let nodePty: typeof NodePty | null = null;
const loadNodePty = () => (nodePty ??= createRequire(import.meta.url)("node-pty") as typeof NodePty);

const signalNames = new Map<number, string>(Object.entries(os.constants.signals).map(([name, num]) => [num, name]));

/** Finds an executable on PATH (or checks an absolute path); null when there is none. */
export function findExecutable(name: string, envPath = process.env.PATH ?? ""): string | null {
  const candidates = name.includes("/")
    ? [name]
    : envPath
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, name));
  for (const file of candidates) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

interface PtyInternals {
  _fd?: number;
  _socket?: { destroy: (err?: Error) => unknown; read: () => unknown; isPaused: () => boolean };
}

/**
 * libuv takes "hang-up after a short read" on the PTY master as end of file, while the kernel still
 * holds the tail of the output (seen on Linux 6.x with `seq 1 400000`: the last few KB vanish).
 * node-pty also destroys the PTY 200 ms after the process exits. So whenever the PTY's read stream
 * is about to be destroyed, first read out what the stream buffered and what the kernel still has.
 * Relies on node-pty 1.x internals (`_socket`, `_fd`); without them it does nothing.
 */
function drainBeforeClose(pty: NodePty.IPty, take: (data: Buffer) => void): void {
  const internals = pty as unknown as PtyInternals;
  const socket = internals._socket;
  const fd = internals._fd;
  if (!socket || typeof fd !== "number") return;
  const destroy = socket.destroy.bind(socket);
  let drained = false;
  socket.destroy = (err?: Error) => {
    if (!drained) {
      drained = true;
      // Buffered in a paused stream: read() emits it to the data listeners, in order.
      while (socket.read() !== null) {
        // keep reading
      }
      const buf = Buffer.alloc(64 * 1024);
      for (;;) {
        let n = 0;
        try {
          n = fs.readSync(fd, buf, 0, buf.length, null);
        } catch {
          break; // EIO: the other side is closed and empty; EAGAIN: nothing more for now
        }
        if (n <= 0) break;
        take(Buffer.from(buf.subarray(0, n)));
      }
    }
    return destroy(err);
  };
}

export class StepProcess {
  readonly startedAt = new Date();
  private pty: NodePty.IPty | null = null;
  private bytes = 0;
  private cause: ExitCause | null = null;
  private finished = false;
  private paused = false;
  /** Set once the process is gone: from then on we read everything left, whatever the credit. */
  private draining = false;
  private timers: NodeJS.Timeout[] = [];
  private exitWatch: NodeJS.Timeout | null = null;

  constructor(
    private readonly start: StepStart,
    private readonly opts: StepProcessOptions,
  ) {}

  /** Starts the process; returns false (after reporting the exit) when it could not start. */
  run(): boolean {
    const shellName = this.start.shell ?? this.opts.defaultShell;
    const shell = findExecutable(shellName, this.opts.baseEnv.PATH);
    if (!shell) return this.failToStart(`shell "${shellName}" not found on this host`);
    try {
      fs.accessSync(this.opts.workdir, fs.constants.R_OK | fs.constants.X_OK);
    } catch {
      return this.failToStart(`work directory ${this.opts.workdir} is not accessible`);
    }
    try {
      this.pty = loadNodePty().spawn(shell, ["-c", this.start.command], {
        name: "xterm-256color",
        cols: this.start.cols,
        rows: this.start.rows,
        cwd: this.opts.workdir,
        env: { ...this.opts.baseEnv, ...this.start.env, TERM: "xterm-256color" },
        encoding: null, // raw bytes: the output is stored and replayed byte for byte
      });
    } catch (err) {
      return this.failToStart(err instanceof Error ? err.message : String(err));
    }
    // With `encoding: null` node-pty hands out Buffers although its typings say string.
    this.pty.onData((data: string | Buffer) => this.take(typeof data === "string" ? Buffer.from(data) : data));
    drainBeforeClose(this.pty, (data) => this.take(data));
    this.pty.onExit(({ exitCode, signal }) => {
      // node-pty can report the exit before the last data event: let pending reads land first.
      this.draining = true;
      this.pty?.resume();
      setTimeout(() => this.finish(exitCode, signal ?? 0), 20);
    });
    if (this.start.timeoutMs > 0) {
      this.timers.push(setTimeout(() => this.stop("timed-out"), this.start.timeoutMs));
    }
    return true;
  }

  /** Flow control: stop reading the PTY, so the process blocks once the kernel buffer is full. */
  pause(): void {
    if (this.paused || this.draining || !this.pty) return;
    this.paused = true;
    this.pty.pause();
    // node-pty destroys the PTY 200 ms after the process exits if nobody reads it, losing the
    // tail; so while paused, watch for the exit and read the remainder once it happens.
    this.exitWatch = setInterval(() => {
      if (!this.processAlive()) {
        this.draining = true;
        this.resume();
      }
    }, 25);
  }

  resume(): void {
    if (this.exitWatch) clearInterval(this.exitWatch);
    this.exitWatch = null;
    if (!this.paused || !this.pty) return;
    this.paused = false;
    this.pty.resume();
  }

  /** Ctrl-C and SIGINT to the process group, then SIGTERM, then SIGKILL, a grace period apart. */
  stop(cause: Exclude<ExitCause, "exited" | "spawn-failed">): void {
    if (this.finished || !this.pty || this.cause) return;
    this.cause = cause;
    const pid = this.pty.pid;
    try {
      this.pty.write("\x03");
    } catch {
      // the PTY may already be closed
    }
    this.signalGroup(pid, "SIGINT");
    this.timers.push(setTimeout(() => this.signalGroup(pid, "SIGTERM"), this.opts.graceMs));
    this.timers.push(setTimeout(() => this.signalGroup(pid, "SIGKILL"), 2 * this.opts.graceMs));
  }

  private take(data: Buffer): void {
    if (this.finished) return;
    const cap = this.start.maxOutputBytes;
    if (this.cause === "output-cap") return;
    if (cap > 0 && this.bytes + data.length > cap) {
      const room = cap - this.bytes;
      if (room > 0) this.emit(data.subarray(0, room));
      this.stop("output-cap");
      this.draining = true;
      this.resume();
      return;
    }
    this.emit(data);
  }

  private emit(data: Buffer): void {
    this.bytes += data.length;
    this.opts.onOutput(data);
  }

  private finish(exitCode: number, signal: number): void {
    if (this.finished) return;
    this.finished = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (this.exitWatch) clearInterval(this.exitWatch);
    this.opts.onExit({
      exitCode: signal ? null : exitCode,
      signal: signal ? (signalNames.get(signal) ?? String(signal)) : null,
      cause: this.cause ?? "exited",
      startedAt: this.startedAt,
      endedAt: new Date(),
    });
  }

  private failToStart(error: string): false {
    this.finished = true;
    const now = new Date();
    this.opts.onExit({
      exitCode: null,
      signal: null,
      cause: "spawn-failed",
      error,
      startedAt: this.startedAt,
      endedAt: now,
    });
    return false;
  }

  private processAlive(): boolean {
    if (!this.pty) return false;
    try {
      process.kill(this.pty.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  private signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
      process.kill(-pid, signal); // the PTY's shell leads its own session and process group
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  }
}
