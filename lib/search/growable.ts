// A typed array that grows by doubling: index builds append millions of numbers, and typed arrays
// keep them compact (no boxed numbers, no per-entry objects for the GC to walk).
export class Growable<A extends Int32Array | Uint16Array> {
  length = 0;
  constructor(public data: A) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => A)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export const int32s = () => new Growable(new Int32Array(1024));
export const uint16s = () => new Growable(new Uint16Array(1024));
