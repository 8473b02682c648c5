// What a client does with a terminal stream in the benchmark: finds the payload between two
// markers the command prints (so a shell's prompt and echoed input are not counted), counts and
// checksums it, and notes when its first and last bytes arrived.
import zlib from "node:zlib";

/** Printed as `printf '%s_%s\n' BENCH BEGIN`: the echoed command line never contains it. */
export const BEGIN_MARKER = "BENCH_BEGIN\r\n";
export const END_MARKER = "BENCH_END\r\n";

/** Wraps a command so its output sits between the markers (the PTY turns \n into \r\n). */
export function markedCommand(command: string): string {
  return `printf '%s_%s\\n' BENCH BEGIN; ${command}; printf '%s_%s\\n' BENCH END`;
}

export interface PayloadResult {
  bytes: number;
  crc32: number;
  /** process.hrtime.bigint() when the first payload byte arrived. */
  firstAt: bigint;
  /** ...and when the end marker arrived. */
  endAt: bigint;
}

export class PayloadSink {
  bytes = 0;
  crc = 0;
  /** When the begin marker arrived (the command started printing). */
  beginAt = 0n;
  firstAt = 0n;
  private stage: "before" | "payload" | "done" = "before";
  /** The end of the last chunk when it may be the start of a marker, held until the next chunk decides. */
  private carry: Buffer = Buffer.alloc(0);
  private resolveDone!: (result: PayloadResult) => void;
  /** Resolves once the end marker has arrived. */
  readonly done = new Promise<PayloadResult>((resolve) => (this.resolveDone = resolve));

  constructor(private readonly onPayload?: (data: Buffer, at: bigint) => void) {}

  get finished(): boolean {
    return this.stage === "done";
  }

  push(chunk: Uint8Array, at = process.hrtime.bigint()): void {
    if (this.stage === "done") return;
    const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let buf = this.carry.length ? Buffer.concat([this.carry, data]) : data;
    this.carry = Buffer.alloc(0);
    if (this.stage === "before") {
      const begin = buf.indexOf(BEGIN_MARKER, 0, "latin1");
      if (begin < 0) {
        this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - BEGIN_MARKER.length + 1)));
        return;
      }
      this.stage = "payload";
      this.beginAt = at;
      buf = buf.subarray(begin + BEGIN_MARKER.length);
    }
    const end = buf.indexOf(END_MARKER, 0, "latin1");
    if (end >= 0) {
      this.take(buf.subarray(0, end), at);
      this.stage = "done";
      this.resolveDone({ bytes: this.bytes, crc32: this.crc, firstAt: this.firstAt || at, endAt: at });
      return;
    }
    const keep = markerPrefixAtEnd(buf, END_MARKER);
    this.take(buf.subarray(0, buf.length - keep), at);
    this.carry = Buffer.from(buf.subarray(buf.length - keep));
  }

  private take(data: Buffer, at: bigint): void {
    if (data.length === 0) return;
    if (this.firstAt === 0n) this.firstAt = at;
    this.bytes += data.length;
    this.crc = zlib.crc32(data, this.crc);
    this.onPayload?.(data, at);
  }
}

/** How many bytes at the end of `buf` could be the start of `marker` (held back, not delayed otherwise). */
function markerPrefixAtEnd(buf: Buffer, marker: string): number {
  for (let k = Math.min(buf.length, marker.length - 1); k > 0; k--) {
    if (buf.subarray(buf.length - k).toString("latin1") === marker.slice(0, k)) return k;
  }
  return 0;
}

/** Turns payload bytes into "TICK <ns>" lines and records receive time − tick time, in ms. */
export class TickReader {
  readonly latenciesMs: number[] = [];
  private partial = "";

  push(data: Buffer, at: bigint): void {
    const text = this.partial + data.toString("latin1");
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      const match = /^TICK (\d+)\r?$/.exec(line);
      if (match?.[1]) this.latenciesMs.push(Number(at - BigInt(match[1])) / 1e6);
    }
  }
}
