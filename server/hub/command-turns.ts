// The /ui commands of every browser take turns on the hub's one thread. Prisma's SQLite adapter
// answers each query without a trip to the event loop, so a command's whole chain of queries runs
// as one block: fifty step.run requests read in one poll ran back to back for 1.7 s, and no agent
// output was read meanwhile (the first run's first bytes waited behind the fiftieth start). In
// turns, with the event loop between them, each start's output flows while the next one starts.
//
// A turn ends when its command does, or after TURN_LEASE_MS: a timer can only fire while the
// command waits for I/O (another instance, PostgreSQL, Redis), never while it computes, so a
// waiting command lets the next one go and a computing one cannot be cut short.
import { setImmediate as nextLoopTurn } from "node:timers/promises";

export const TURN_LEASE_MS = 5;

export class CommandTurns {
  private readonly waiting: (() => void)[] = [];
  private busy = false;

  async take<T>(command: () => Promise<T>): Promise<T> {
    await this.turn();
    let lease: NodeJS.Timeout | undefined;
    const release = () => {
      if (!lease) return;
      clearTimeout(lease);
      lease = undefined;
      this.next();
    };
    lease = setTimeout(release, TURN_LEASE_MS);
    try {
      return await command();
    } finally {
      release();
    }
  }

  private async turn(): Promise<void> {
    if (this.busy) return new Promise((resolve) => this.waiting.push(resolve));
    this.busy = true;
    // Even the first waits for the next loop turn: the other sockets' messages read in this poll
    // then queue behind it instead of running alongside.
    await nextLoopTurn();
  }

  /** The next command starts on a later loop turn, after the poll phase has read what arrived. */
  private next(): void {
    const resolve = this.waiting.shift();
    if (resolve) setImmediate(resolve);
    else this.busy = false;
  }
}
