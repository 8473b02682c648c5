// Replaces secret input values in a byte stream before it is stored or broadcast. A secret may be
// split across chunks, so a tail that could be the start of one is held back until the next chunk
// (or the end) decides.
export const SECRET_MASK = "********";
const MASK = Buffer.from(SECRET_MASK);

export class SecretMasker {
  private readonly secrets: Buffer[];
  private held: Buffer = Buffer.alloc(0);

  constructor(secrets: readonly string[]) {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = [...new Set(secrets.filter((s) => s.length > 0))]
      .map((s) => Buffer.from(s))
      .sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.secrets.length > 0;
  }

  push(chunk: Buffer): Buffer {
    if (!this.active) return chunk;
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const out: Buffer[] = [];
    let at = 0;
    for (;;) {
      let best = -1;
      let bestSecret: Buffer | null = null;
      for (const secret of this.secrets) {
        const i = data.indexOf(secret, at);
        if (i !== -1 && (best === -1 || i < best)) {
          best = i;
          bestSecret = secret;
        }
      }
      if (best === -1 || !bestSecret) break;
      out.push(data.subarray(at, best), MASK);
      at = best + bestSecret.length;
    }
    const hold = this.partialTail(data, at);
    out.push(data.subarray(at, data.length - hold));
    this.held = Buffer.from(data.subarray(data.length - hold));
    return Buffer.concat(out);
  }

  /** What was held back; call once at the end of the stream. */
  flush(): Buffer {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    return rest;
  }

  /** Length of the longest suffix of data[from..] that is a proper prefix of some secret. */
  private partialTail(data: Buffer, from: number): number {
    const available = data.length - from;
    for (const secret of this.secrets) {
      for (let k = Math.min(secret.length - 1, available); k > 0; k--) {
        if (data.subarray(data.length - k).equals(secret.subarray(0, k))) return k;
      }
    }
    return 0;
  }

  /** Masks secrets in a whole string (commands, reasons, stored input values). */
  maskText(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret.toString()).join(SECRET_MASK);
    return out;
  }
}
