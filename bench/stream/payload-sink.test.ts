// The benchmark's client-side accounting, against real bytes: markers split anywhere, the echoed
// command ignored, small writes not held back, and a real PTY run matching the expected checksum.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { EMIT_BYTES, expectedPayload } from "./expected-payload";
import { BEGIN_MARKER, END_MARKER, markedCommand, PayloadSink, TickReader } from "./payload-sink";
import { runInRawPty } from "./raw-pty";

const payload = Buffer.from("0000000000 abc\r\n0000000001 bcd\r\nBENCH_ENDISH\r\n");
const stream = Buffer.concat([
  Buffer.from(`$ ${markedCommand("gen")}\r\n`), // what an interactive shell echoes
  Buffer.from(BEGIN_MARKER),
  payload,
  Buffer.from(END_MARKER),
  Buffer.from("$ "),
]);

describe("PayloadSink", () => {
  it("counts and checksums exactly the bytes between the markers, however the stream is split", async () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const sink = new PayloadSink();
      sink.push(stream.subarray(0, cut));
      sink.push(stream.subarray(cut));
      const got = await sink.done;
      expect({ cut, bytes: got.bytes, crc: got.crc32 }).toEqual({
        cut,
        bytes: payload.length,
        crc: zlib.crc32(payload),
      });
    }
  });

  it("notices a missing byte", async () => {
    const sink = new PayloadSink();
    const broken = Buffer.concat([
      stream.subarray(0, stream.indexOf("0000000001")),
      stream.subarray(stream.indexOf("0000000001") + 1),
    ]);
    sink.push(broken);
    const got = await sink.done;
    expect(got.bytes).toBe(payload.length - 1);
    expect(got.crc32).not.toBe(zlib.crc32(payload));
  });

  it("passes a complete line on at once instead of holding it for the next chunk", () => {
    const reader = new TickReader();
    const sink = new PayloadSink((data, at) => reader.push(data, at));
    sink.push(Buffer.from(BEGIN_MARKER), 1_000_000n);
    sink.push(Buffer.from("TICK 1000000\r\n"), 3_500_000n);
    expect(reader.latenciesMs).toEqual([2.5]);
    expect(sink.finished).toBe(false);
  });

  it("holds back only what may be the start of the end marker", () => {
    const sink = new PayloadSink();
    sink.push(Buffer.from(`${BEGIN_MARKER}abc\r\nBENCH_`));
    expect(sink.bytes).toBe(5);
    sink.push(Buffer.from("X\r\n"));
    expect(sink.bytes).toBe(5 + "BENCH_X\r\n".length);
  });
});

describe("expectedPayload", () => {
  it("matches what a real PTY delivers for the generator", async () => {
    const bytes = 1_000_000;
    const expected = await expectedPayload(bytes);
    expect(expected.bytes).toBe(bytes + bytes / 100); // every 100-byte line gains a \r
    const sink = new PayloadSink();
    await runInRawPty(markedCommand(`${JSON.stringify(process.execPath)} ${EMIT_BYTES} ${bytes}`), sink, 20_000);
    const got = await sink.done;
    expect({ bytes: got.bytes, crc32: got.crc32 }).toEqual(expected);
  });
});
