// The payload a client must receive for `node emit-bytes.mjs BYTES` run in a PTY: the generator's
// own output through a pipe, with the terminal's \n → \r\n translation (onlcr) applied.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const EMIT_BYTES = path.resolve(import.meta.dirname, "emit-bytes.mjs");
export const EMIT_TICKS = path.resolve(import.meta.dirname, "emit-ticks.mjs");
export const EMIT_STREAM = path.resolve(import.meta.dirname, "emit-stream.mjs");

function toCrlf(chunk: Buffer): Buffer {
  let lines = 0;
  for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, nl + 1)) lines++;
  const out = Buffer.allocUnsafe(chunk.length + lines);
  let from = 0;
  let to = 0;
  for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
    to += chunk.copy(out, to, from, nl);
    out[to++] = 0x0d;
    out[to++] = 0x0a;
    from = nl + 1;
  }
  chunk.copy(out, to, from);
  return out;
}

export async function expectedPayload(bytes: number): Promise<{ bytes: number; crc32: number }> {
  const child = spawn(process.execPath, [EMIT_BYTES, String(bytes)], { stdio: ["ignore", "pipe", "inherit"] });
  let size = 0;
  let crc = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const translated = toCrlf(chunk);
    crc = zlib.crc32(translated, crc);
    size += translated.length;
  }
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve),
  );
  if (code !== 0) throw new Error(`${EMIT_BYTES} exited with ${code}`);
  return { bytes: size, crc32: crc };
}

/**
 * Writes the generator's output for BYTES to `file`, for steps that only `cat` it: fifty runs that
 * each booted a node generator spent 6.4 CPU-seconds on it here (3.4 s on both cores), which
 * measured the load, not how soon Casebook starts runs.
 */
export function writePayloadFile(bytes: number, file: string): void {
  const fd = fs.openSync(file, "w");
  try {
    const done = spawnSync(process.execPath, [EMIT_BYTES, String(bytes)], { stdio: ["ignore", fd, "inherit"] });
    if (done.status !== 0) throw new Error(`${EMIT_BYTES} exited with ${done.status ?? done.signal}`);
  } finally {
    fs.closeSync(fd);
  }
}
