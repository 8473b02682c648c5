// Turns possibly overlapping, possibly out-of-order output chunks (live `step.output` racing a
// `step.replay`) into one gap-free byte stream. Browser-safe: no Node APIs.

export class OutputAssembler {
  /** Bytes delivered so far: the next expected offset. */
  offset = 0;
  private pending = new Map<number, Uint8Array>();

  constructor(private readonly deliver: (bytes: Uint8Array) => void) {}

  /** Accepts a chunk that starts at `offset`; delivers whatever has become contiguous. */
  push(offset: number, data: Uint8Array): void {
    if (offset + data.byteLength <= this.offset) return;
    if (offset > this.offset) {
      const held = this.pending.get(offset);
      if (!held || held.byteLength < data.byteLength) this.pending.set(offset, data);
      return;
    }
    this.emit(data.subarray(this.offset - offset));
    this.drainPending();
  }

  /** Forgets everything, e.g. when switching to another step. */
  reset(): void {
    this.offset = 0;
    this.pending.clear();
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.offset += bytes.byteLength;
    this.deliver(bytes);
  }

  private drainPending(): void {
    let progressed = true;
    while (progressed && this.pending.size > 0) {
      progressed = false;
      for (const [start, data] of this.pending) {
        if (start > this.offset) continue;
        this.pending.delete(start);
        if (start + data.byteLength > this.offset) this.emit(data.subarray(this.offset - start));
        progressed = true;
      }
    }
  }
}
