import crypto from "node:crypto";
import os from "node:os";
import { describe, expect, it } from "vitest";
import type { StepStart } from "./protocol";
import { StepProcess, type StepResult } from "./step-process";

function start(command: string, extra: Partial<StepStart> = {}): StepStart {
  return {
    stepRunId: "sr",
    runId: "r",
    playbook: "p",
    contentHash: "h",
    playbookTags: [],
    stepId: "s",
    risk: "read",
    shell: "bash",
    command,
    env: {},
    timeoutMs: 10_000,
    maxOutputBytes: 0,
    cols: 80,
    rows: 24,
    ...extra,
  };
}

function run(step: StepStart, during?: (p: StepProcess) => void): Promise<{ out: Buffer; result: StepResult }> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    const p = new StepProcess(step, {
      defaultShell: "bash",
      workdir: os.tmpdir(),
      graceMs: 300,
      baseEnv: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
      onOutput: (b) => parts.push(b),
      onExit: (result) => resolve({ out: Buffer.concat(parts), result }),
    });
    p.run();
    during?.(p);
  });
}

describe("StepProcess (real PTY)", () => {
  it("passes inputs as environment variables and reports the exit code", async () => {
    const { out, result } = await run(start('echo "hello $WHO in $PWD"; exit 3', { env: { WHO: "a'b;rm -rf /" } }));
    expect(out.toString()).toBe(`hello a'b;rm -rf / in ${os.tmpdir()}\r\n`);
    expect(result).toMatchObject({ exitCode: 3, signal: null, cause: "exited" });
  });

  it("times out with Ctrl-C first", async () => {
    const t0 = Date.now();
    const { result } = await run(start("sleep 30", { timeoutMs: 300 }));
    expect(result.cause).toBe("timed-out");
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it("escalates to SIGKILL when SIGINT and SIGTERM are ignored", async () => {
    const { out, result } = await run(start("trap '' INT TERM; echo ready; while :; do sleep 0.05; done"), (p) =>
      setTimeout(() => p.stop("cancelled"), 300),
    );
    expect(out.toString()).toContain("ready");
    expect(result.cause).toBe("cancelled");
    expect(result.signal ?? String(result.exitCode)).toMatch(/SIGKILL|137/);
  });

  it("stops at the output cap, keeping exactly the cap", async () => {
    const { out, result } = await run(start("yes", { maxOutputBytes: 100_000 }));
    expect(result.cause).toBe("output-cap");
    expect(out.length).toBe(100_000);
  });

  it("loses no tail when the process exits while the PTY is paused", async () => {
    const expected = crypto.createHash("sha256").update(Buffer.alloc(3_000_000, "x")).digest("hex");
    const { out, result } = await run(start("head -c 3000000 /dev/zero | tr '\\0' x"), (p) => {
      p.pause();
      setTimeout(() => p.resume(), 600); // long after the writer finished filling the PTY
      setTimeout(() => p.pause(), 700);
      setTimeout(() => p.resume(), 1500);
    });
    expect(result.exitCode).toBe(0);
    expect(out.length).toBe(3_000_000);
    expect(crypto.createHash("sha256").update(out).digest("hex")).toBe(expected);
  });

  it("keeps the tail that libuv would drop at hang-up", async () => {
    for (let i = 0; i < 3; i++) {
      const { out } = await run(start("seq 1 200000"));
      const lines = out.toString().trimEnd().split("\r\n");
      expect(lines.length).toBe(200_000);
      expect(lines.at(-1)).toBe("200000");
    }
  });

  it("reports a missing shell plainly", async () => {
    const { result } = await run(start("true", { shell: "no-such-shell" }));
    expect(result).toMatchObject({ cause: "spawn-failed", error: 'shell "no-such-shell" not found on this host' });
  });
});
