// The text an expectation is checked against. Huge outputs keep their head and tail only, so a
// step that prints gigabytes cannot exhaust the server's memory.
import { stripAnsi } from "./ansi";

const KEEP_BYTES = 2 * 1024 * 1024;

export class ExpectText {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private skipped = false;

  push(data: Buffer): void {
    if (this.headBytes < KEEP_BYTES) {
      const take = data.subarray(0, KEEP_BYTES - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      data = data.subarray(take.length);
      if (data.length === 0) return;
    }
    this.tail.push(data);
    this.tailBytes += data.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0]!.length >= KEEP_BYTES) {
      this.tailBytes -= this.tail.shift()!.length;
      this.skipped = true;
    }
  }

  text(): string {
    const head = Buffer.concat(this.head).toString("utf8");
    const tail = Buffer.concat(this.tail).toString("utf8");
    return stripAnsi(this.skipped ? `${head}\n${tail}` : head + tail);
  }
}
