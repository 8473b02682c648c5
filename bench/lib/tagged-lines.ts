// A bench server run as a child process talks through the lines it prints: `TAG rest`. This waits
// for the next line with a given tag, failing if the child exits first or the line is late.
import type { ChildProcess } from "node:child_process";

export class TaggedLines {
  private readonly waiting = new Map<string, (rest: string) => void>();
  private child: ChildProcess | null = null;

  constructor(private readonly label: string) {}

  /** The child whose lines take() is given. */
  follow(child: ChildProcess): void {
    this.child = child;
  }

  /** Hands a printed line to whoever waits for its tag; false if nobody does. */
  take(line: string): boolean {
    const space = line.indexOf(" ");
    const handler = this.waiting.get(space > 0 ? line.slice(0, space) : line);
    if (!handler) return false;
    handler(space > 0 ? line.slice(space + 1) : "");
    return true;
  }

  next(tag: string, timeoutMs: number): Promise<string> {
    const child = this.child;
    if (!child) return Promise.reject(new Error(`${this.label}: no process to follow`));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.label} did not print ${tag} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const exited = (code: number | null) =>
        reject(new Error(`${this.label} exited (${code}) before printing ${tag}`));
      child.once("exit", exited);
      this.waiting.set(tag, (rest) => {
        clearTimeout(timer);
        child.off("exit", exited);
        this.waiting.delete(tag);
        resolve(rest);
      });
    });
  }
}
