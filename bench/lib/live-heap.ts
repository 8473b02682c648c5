// Memory a bench server still uses: after a full garbage collection (run with --expose-gc), which
// RSS alone cannot tell apart from garbage V8 has not collected yet.
export interface LiveHeap {
  collected: boolean;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export function liveHeapNow(): LiveHeap {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const m = process.memoryUsage();
  return {
    collected: collect !== undefined,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    rss: m.rss,
  };
}
