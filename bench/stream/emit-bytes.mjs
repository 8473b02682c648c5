// Writes BYTES bytes of deterministic text to stdout: 100-byte lines, each a zero-padded line
// number and a filler that shifts with it, so a lost, doubled or reordered piece changes the
// checksum. Plain JavaScript so any shell can run it with `node` (the benchmark's step command).
// It must outrun a PTY, so blocks are copied from a template and only the line numbers written.
// Usage: node emit-bytes.mjs BYTES   (BYTES a multiple of 100)
import { Buffer } from "node:buffer";

const LINE = 100;
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const PERIOD = ALPHABET.length; // the filler repeats every PERIOD lines
const LINES_PER_BLOCK = PERIOD * 10; // 62,000-byte writes, each starting at filler shift 0

const bytes = Number(process.argv[2]);
if (!Number.isInteger(bytes) || bytes <= 0 || bytes % LINE !== 0) {
  console.error(`emit-bytes: BYTES must be a positive multiple of ${LINE}, got ${process.argv[2]}`);
  process.exit(2);
}
const totalLines = bytes / LINE;

const template = Buffer.alloc(LINES_PER_BLOCK * LINE);
const filler = ALPHABET.repeat(3);
for (let i = 0; i < LINES_PER_BLOCK; i++) {
  const at = i * LINE;
  template[at + 10] = 0x20;
  const shift = i % PERIOD;
  template.write(filler.slice(shift, shift + 88), at + 11, "latin1");
  template[at + 99] = 0x0a;
}

// The current line number as ten ASCII digits, incremented in place.
const digits = Buffer.from("0000000000", "latin1");
function nextNumber(block, at) {
  digits.copy(block, at);
  for (let d = 9; d >= 0; d--) {
    if (digits[d] !== 0x39) {
      digits[d]++;
      return;
    }
    digits[d] = 0x30;
  }
}

let line = 0;
function writeMore() {
  while (line < totalLines) {
    const count = Math.min(LINES_PER_BLOCK, totalLines - line);
    const block = Buffer.from(template.subarray(0, count * LINE));
    for (let i = 0; i < count; i++) nextNumber(block, i * LINE);
    line += count;
    if (!process.stdout.write(block)) {
      process.stdout.once("drain", writeMore);
      return;
    }
  }
}
writeMore();
