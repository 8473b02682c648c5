// Which server the agent dials next, and when. The URLs are tried in order, round and round. A
// dropped connection is first retried once on the same server (a restart or a network blip, so a
// single URL keeps working); a failure to connect moves on to the next URL. The wait grows with
// every failure in a row, as socket.io's own reconnection does, and starts afresh on a welcome.

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

export interface NextDial {
  url: string;
  delayMs: number;
}

export class ServerRotation {
  private index = 0;
  private failures = 0;
  private retriedSame = false;

  constructor(
    /** At least one. */
    readonly urls: readonly string[],
    private readonly random: () => number = Math.random,
  ) {
    if (urls.length === 0) throw new Error("no server URL");
  }

  get current(): string {
    return this.urls[this.index]!;
  }

  /** The server welcomed the agent: the next drop retries it, the next failure waits the least. */
  welcomed(): void {
    this.failures = 0;
    this.retriedSame = false;
  }

  /** The connection dropped: the same server once more, soon; after that, as a failure. */
  dropped(): NextDial {
    if (this.retriedSame) return this.failed();
    this.retriedSame = true;
    return { url: this.current, delayMs: this.backoff(0) };
  }

  /** Could not connect, or the server closed the connection on purpose: the next server, later. */
  failed(): NextDial {
    this.index = (this.index + 1) % this.urls.length;
    return { url: this.current, delayMs: this.backoff(this.failures++) };
  }

  /** Doubling from 0.5 s to 10 s, each within ±50 % so that agents cut off together spread out. */
  private backoff(attempt: number): number {
    return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt) * (0.5 + this.random());
  }
}
