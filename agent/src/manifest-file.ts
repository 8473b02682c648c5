// The signed manifest on disk: read and verified at start (the agent does not start without a good
// one), then re-read whenever the file changes. A change that does not verify (a truncated write, a
// stranger's key, a deleted file) fails closed: every step is refused until a valid signed manifest
// is in place. Going back to the previous one instead would keep steps running that the new
// manifest may have been shipped to withdraw.
import type { KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { log } from "./log";
import { openSignedManifest, pinStep, type PinnedManifest } from "./manifest";
import type { StepStart } from "./protocol";

/** Events come in bursts (truncate, write, rename): wait for them to settle. */
const SETTLE_MS = 200;
/** Also re-check on a timer, for file systems that report no changes (NFS, some bind mounts). */
const POLL_MS = 10_000;

type State = { ok: true; manifest: PinnedManifest } | { ok: false; reason: string };

interface Read {
  state: State;
  /** The file's identity and times when it was read; null when it could not be stat'ed. */
  stamp: string | null;
  /** The file changed while it was being read: read it again. */
  moving: boolean;
}

function stampOf(file: string): string | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}

function readManifest(file: string, keys: KeyObject[]): Read {
  const stamp = stampOf(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { state: { ok: false, reason: `cannot read it (${code})` }, stamp, moving: false };
  }
  const opened = openSignedManifest(bytes, keys);
  const state: State = opened.ok ? opened : { ok: false, reason: opened.reason };
  return { state, stamp, moving: stamp !== stampOf(file) };
}

export function describeManifest(manifest: PinnedManifest): Record<string, unknown> {
  const { id, generatedAt, keyId, playbooks, steps } = manifest;
  return { manifest: id, generatedAt, keyId, playbooks, steps };
}

export class ManifestFile {
  private watcher: fs.FSWatcher | null = null;
  private settle: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;

  private constructor(
    readonly file: string,
    private readonly keys: KeyObject[],
    private state: State,
    private stamp: string | null,
  ) {}

  /** Reads and verifies the file; throws with the reason when it cannot be used. */
  static open(file: string, keys: KeyObject[]): ManifestFile {
    const read = readManifest(file, keys);
    if (!read.state.ok) throw new Error(read.state.reason);
    return new ManifestFile(file, keys, read.state, read.stamp);
  }

  /** The manifest in force, or null while the file does not verify. */
  get current(): PinnedManifest | null {
    return this.state.ok ? this.state.manifest : null;
  }

  /** The step as the manifest in force signs it, or why it is refused. */
  pin(start: StepStart): ReturnType<typeof pinStep> {
    if (!this.state.ok) {
      const reason =
        `the manifest ${this.file} no longer verifies (${this.state.reason}); ` +
        "refusing every step until a valid signed manifest is in place";
      return { ok: false, reason };
    }
    return pinStep(this.state.manifest, start);
  }

  /**
   * Watches the file's folder rather than the file: a manifest replaced by rename (the safe way to
   * ship one) is a new inode, which a watch on the old file would never report.
   */
  watch(): void {
    if (this.watcher) return;
    try {
      this.watcher = fs.watch(path.dirname(this.file), { persistent: false }, () => this.changed());
      this.watcher.on("error", (err) => log.error({ file: this.file, err }, "cannot watch the manifest; polling"));
    } catch (err) {
      log.error({ file: this.file, err }, "cannot watch the manifest; polling");
    }
    this.poll = setInterval(() => this.recheck(), POLL_MS);
    this.poll.unref();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.settle) clearTimeout(this.settle);
    if (this.poll) clearInterval(this.poll);
  }

  private changed(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => this.recheck(), SETTLE_MS);
    this.settle.unref();
  }

  private recheck(): void {
    this.settle = null;
    if (stampOf(this.file) === this.stamp && this.stamp !== null) return;
    const read = readManifest(this.file, this.keys);
    if (read.moving) return this.changed();
    if (read.stamp === this.stamp && read.state.ok === this.state.ok) return;
    this.stamp = read.stamp;
    this.state = read.state;
    if (read.state.ok) {
      log.info({ file: this.file, ...describeManifest(read.state.manifest) }, "manifest reloaded");
    } else {
      log.error(
        { file: this.file, reason: read.state.reason },
        "the manifest changed and does not verify: refusing every step until a valid signed manifest is in place",
      );
    }
  }
}
