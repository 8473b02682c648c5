// The packed agent (npm run agent:pack), unpacked as a host would, runs a real step against a real
// hub with nothing but Node.js: no tsx, no esbuild, no npm install.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, waitFor } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-agent-pack-"));
const installed = path.join(dir, "opt");
let tarball = "";
let h: Awaited<ReturnType<typeof startHarness>>;

beforeAll(async () => {
  const script = path.resolve(import.meta.dirname, "pack.mjs");
  tarball = execFileSync(process.execPath, [script, "--out", dir], { encoding: "utf8" }).trim().split("\n").at(-1)!;
  fs.mkdirSync(installed);
  execFileSync("tar", ["-xzf", tarball, "--strip-components=1", "-C", installed]);
  h = await startHarness([testPlaybook("packed", [testStep("where", "echo packed-agent-ran; uname -s")])]);
}, 120_000);

afterAll(async () => {
  await h?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run agent:pack", () => {
  it("makes one tarball with the bundle, node-pty's native module and the systemd unit", () => {
    expect(path.basename(tarball)).toMatch(/^casebook-agent-\d+\.\d+\.\d+-linux-x64\.tgz$/);
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/bin/casebook-agent.mjs");
    expect(files).toContain("package/casebook-agent.service");
    expect(files).toContain("package/node_modules/node-pty/prebuilds/linux-x64/pty.node");
    expect(files.filter((f) => /tsx|esbuild|\.test\.js$/.test(f))).toEqual([]);
  });

  it("runs a step from the unpacked tarball, with no child process while idle", async () => {
    const { host, token } = await h.hosts.createHost("packed-host");
    const agent = spawn(process.execPath, [path.join(installed, "bin/casebook-agent.mjs"), "--server", h.url], {
      // What a systemd unit gives it: a PATH, a home, the token; no npm or tsx needed.
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH,
        HOME: dir,
        CASEBOOK_TOKEN: token,
        CASEBOOK_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logged = "";
    agent.stderr.on("data", (d: Buffer) => (logged += d.toString()));
    try {
      await waitFor(
        () => h.hub.runs.isConnected(host.id),
        20_000,
        () => `the packed agent never connected: ${logged}`,
      );
      // ps exits 1 when it lists nothing, which is the answer wanted here.
      const ps = spawnSync("ps", ["-o", "comm=", "--ppid", String(agent.pid)], { encoding: "utf8" });
      const children = ps.stdout.trim();
      expect(children).toBe(""); // tsx would have started esbuild here
      const operator = h.uiClient(await h.signIn("operator"));
      const start = await operator.call("run.start", { playbook: "packed", hostId: host.id, inputs: {} });
      const runId = start.ok ? (start.runId as string) : "";
      const { view, output } = await operator.run(runId, "where");
      expect(view.verdict).toBe("passed");
      expect(output.toString()).toContain("packed-agent-ran");
    } finally {
      agent.kill("SIGKILL");
    }
  });
});
