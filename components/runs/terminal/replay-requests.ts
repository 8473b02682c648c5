// When a terminal asks the hub for a replay of its step, and when it asks again. Two reasons:
// - a gap: bytes beyond a hole arrived (a page that joined late, held output that overflowed);
//   one replay at a time fills it, so a gap seen while one runs waits for it;
// - a re-sync: the hub dropped this watcher from the step's live output (`step.resync`). A replay
//   already under way may have been taken before the drop and miss what followed, so one more
//   is asked once it ends; the hub resumes live output from the new replay's end.
// While a replay runs, the terminal holds its output so the replay lands in one write.

export interface ReplayRequestsOptions {
  /** Asks the hub to replay the step; resolves with the refusal's message, or null. */
  request: () => Promise<string | null>;
  /** Output is held from a request until its replay ends. */
  hold: () => void;
  release: () => void;
  onProblem: (message: string) => void;
  /** A replay cut short (a dropped connection) must not freeze the terminal. */
  patienceMs?: number;
}

const PATIENCE_MS = 15_000;

export class ReplayRequests {
  private replaying = false;
  private again = false;
  private disposed = false;
  /** Which request the running replay is, so a late refusal of an earlier one is ignored. */
  private requests = 0;
  private giveUp: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: ReplayRequestsOptions) {}

  get active(): boolean {
    return this.replaying;
  }

  /** A gap to fill: joins the replay under way, if any. */
  fill(): void {
    if (!this.replaying) this.start();
  }

  /** The hub dropped this watcher: replay now, or again after the replay under way. */
  resync(): void {
    if (this.replaying) this.again = true;
    else this.start();
  }

  /** The last chunk of a replay of this step arrived. */
  ended(): void {
    if (!this.replaying) return;
    this.finish();
    if (this.again) {
      this.again = false;
      this.start();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.giveUp);
  }

  private start(): void {
    if (this.disposed) return;
    this.replaying = true;
    const request = ++this.requests;
    this.opts.hold();
    this.giveUp = setTimeout(() => this.ended(), this.opts.patienceMs ?? PATIENCE_MS);
    void this.opts.request().then((refusal) => {
      if (this.disposed || refusal === null || request !== this.requests || !this.replaying) return;
      this.again = false; // asking again would only be refused again
      this.finish();
      this.opts.onProblem(refusal);
    });
  }

  private finish(): void {
    this.replaying = false;
    clearTimeout(this.giveUp);
    this.opts.release();
  }
}
