// A real agent process pinned to a signed manifest, against a fake server that sends whatever it
// likes: a hijacked hub. (Test-only: socket.io's server comes from the repository's dev tools; the
// agent package itself never imports it.)
import type { ChildProcess } from "node:child_process";
import { spawnAgentProcess } from "@/testing/agent-process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Server, type Socket } from "socket.io";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, commandSha256, signManifest, type ContentManifest, type ManifestStep } from "./manifest";
import {
  AGENT_NAMESPACE,
  REFUSAL_REASON_MAX,
  stepRefusalSchema,
  type StepExit,
  type StepOutput,
  type StepStart,
} from "./protocol";

type Outcome = { refused: string } | { exit: StepExit; output: string };

/** Plays the server: welcomes any agent, acks its output and records what comes back. */
class FakeHub {
  private readonly http = http.createServer();
  private readonly io = new Server(this.http, { transports: ["websocket"] });
  private agent: Socket | null = null;
  private readonly outcomes = new Map<string, Outcome>();
  private readonly output = new Map<string, Buffer[]>();
  hellos = 0;
  url = "";

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    this.io.of(AGENT_NAMESPACE).on("connection", (socket) => {
      socket.on("hello", (_hello: unknown, reply: (welcome: unknown) => void) => {
        this.hellos++;
        this.agent = socket;
        reply({ ok: true, hostId: "h1", hostName: "box", windowBytes: 1 << 20, heartbeatMs: 60_000, forget: [] });
      });
      socket.on("step.output", (chunk: StepOutput) => {
        const data = Buffer.from(chunk.data);
        this.output.set(chunk.stepRunId, [...(this.output.get(chunk.stepRunId) ?? []), data]);
        socket.emit("step.ack", { stepRunId: chunk.stepRunId, offset: chunk.offset + data.length });
      });
      socket.on("step.exit", (exit: StepExit, ack: () => void) => {
        ack();
        const output = Buffer.concat(this.output.get(exit.stepRunId) ?? []).toString();
        this.outcomes.set(exit.stepRunId, { exit, output });
      });
      // As strict as the real hub, which drops a refusal its schema does not take.
      socket.on("step.refused", (raw: unknown) => {
        const refusal = stepRefusalSchema.parse(raw);
        this.outcomes.set(refusal.stepRunId, { refused: refusal.reason });
      });
    });
  }

  async connected(): Promise<void> {
    await waitFor(() => this.agent !== null, "the agent never said hello");
  }

  /** Sends a step.start and waits until the agent ran or refused it. */
  async send(step: Partial<StepStart> & Pick<StepStart, "stepId" | "command">): Promise<Outcome> {
    const stepRunId = crypto.randomUUID();
    this.agent?.emit("step.start", {
      stepRunId,
      runId: "run-1",
      playbook: "pinned",
      contentHash: "0123456789ab",
      playbookTags: ["test"],
      risk: "read",
      shell: "bash",
      env: {},
      timeoutMs: 10_000,
      maxOutputBytes: 1 << 20,
      cols: 80,
      rows: 24,
      ...step,
    } satisfies StepStart);
    await waitFor(() => this.outcomes.has(stepRunId), `no outcome for ${step.stepId}`);
    return this.outcomes.get(stepRunId)!;
  }

  /** Forgets the last agent, so connected() waits for the next one. */
  forget(): void {
    this.agent = null;
  }

  async close(): Promise<void> {
    await this.io.close();
  }
}

async function waitFor(check: () => boolean, message: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-manifest-agent-"));
const keys = crypto.generateKeyPairSync("ed25519");
const stranger = crypto.generateKeyPairSync("ed25519");
const trustKeyFile = path.join(dir, "trusted.pub.pem");
fs.writeFileSync(trustKeyFile, keys.publicKey.export({ type: "spki", format: "pem" }));
/** A step whose running leaves a trace, so a refusal can be seen to have run nothing. */
const marker = path.join(dir, "ran");
const TOUCH = `touch ${marker}; echo touched`;

function step(id: string, command: string, risk: ManifestStep["risk"] = "read"): ManifestStep {
  return { id, commandSha256: commandSha256(command), shell: "bash", risk };
}

function manifest(steps: ManifestStep[]): ContentManifest {
  return {
    format: 1,
    generatedAt: new Date().toISOString(),
    playbooks: [{ slug: "pinned", contentHash: "0123456789ab", tags: ["test"], inputs: ["WHO"], steps }],
  };
}

/** Signs and writes a manifest file; returns its id (as the agent logs it). */
function writeManifest(file: string, m: ContentManifest, key = keys.privateKey, atomic = true): string {
  const envelope = signManifest(canonicalJson(m), key);
  const text = JSON.stringify(envelope);
  if (atomic) {
    fs.writeFileSync(`${file}.tmp`, text);
    fs.renameSync(`${file}.tmp`, file);
  } else {
    fs.writeFileSync(file, text);
  }
  return crypto.createHash("sha256").update(envelope.payload).digest("hex").slice(0, 12);
}

const agents: ChildProcess[] = [];

function spawnAgent(hub: FakeHub, args: string[]) {
  const agent = spawnAgentProcess(["--server", hub.url, "--token", "t", ...args], { CASEBOOK_LOG_LEVEL: "info" });
  agents.push(agent.proc);
  return { exited: agent.exited, log: agent.log };
}

let hub: FakeHub;

beforeAll(async () => {
  hub = new FakeHub();
  await hub.listen();
});

afterEach(async () => {
  for (const proc of agents.splice(0)) {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGKILL");
      await new Promise((resolve) => proc.once("exit", resolve));
    }
  }
  hub.forget();
  fs.rmSync(marker, { force: true });
});

afterAll(async () => {
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("casebook-agent --manifest --trust-key (a real agent, a hostile server)", () => {
  it("runs a listed step and refuses one whose command differs by one byte", async () => {
    const file = path.join(dir, "one-byte.json");
    writeManifest(file, manifest([step("hello", 'echo "hello $WHO"'), step("touch", TOUCH)]));
    spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile]);
    await hub.connected();

    const ran = await hub.send({ stepId: "hello", command: 'echo "hello $WHO"', env: { WHO: "pinned" } });
    expect(ran).toMatchObject({ exit: { exitCode: 0, cause: "exited" }, output: "hello pinned\r\n" });

    const forged = `${TOUCH} `;
    const refused = await hub.send({ stepId: "touch", command: forged });
    expect(refused).toEqual({
      refused:
        `command not in the signed manifest (sha256 ${commandSha256(forged).slice(0, 12)}…): ` +
        `step "touch" of "pinned" is signed as ${commandSha256(TOUCH).slice(0, 12)}…`,
    });
    expect(fs.existsSync(marker)).toBe(false);
    // The same step with its signed bytes does run: the refusal was the byte, nothing else.
    expect(await hub.send({ stepId: "touch", command: TOUCH })).toMatchObject({ exit: { exitCode: 0 } });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("refuses a step the server labels read when the manifest says change, under --max-risk read", async () => {
    const file = path.join(dir, "risk.json");
    writeManifest(file, manifest([step("touch", TOUCH, "change")]));
    spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile, "--max-risk", "read"]);
    await hub.connected();

    expect(await hub.send({ stepId: "touch", command: TOUCH, risk: "read" })).toEqual({
      refused:
        'this agent accepts steps up to risk "read"; step "touch" is "change" ' +
        '(risk from the signed manifest; the server said "read")',
    });
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("refuses to start with a manifest signed by another key, before it connects", async () => {
    const file = path.join(dir, "stranger.json");
    writeManifest(file, manifest([step("touch", TOUCH)]), stranger.privateKey);
    const hellos = hub.hellos;
    const agent = spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile]);
    expect(await agent.exited).toBe(78);
    expect(agent.log()).toContain(`--manifest ${file}: the signature does not verify with the trusted key`);
    expect(hub.hellos).toBe(hellos);
  });

  it("refuses to start on an unreadable manifest or key, or a manifest without a key", async () => {
    const missing = path.join(dir, "missing.json");
    const noFile = spawnAgent(hub, ["--manifest", missing, "--trust-key", trustKeyFile]);
    expect(await noFile.exited).toBe(78);
    expect(noFile.log()).toContain(`--manifest ${missing}: cannot read it (ENOENT)`);

    const file = path.join(dir, "no-key.json");
    writeManifest(file, manifest([step("touch", TOUCH)]));
    const noKey = spawnAgent(hub, ["--manifest", file]);
    expect(await noKey.exited).toBe(78);
    expect(noKey.log()).toContain("--manifest needs --trust-key");

    const badKey = spawnAgent(hub, ["--manifest", file, "--trust-key", file]);
    expect(await badKey.exited).toBe(78);
    expect(badKey.log()).toContain(`--trust-key ${file}: not a PEM public key`);
  });

  it("picks up a rewritten manifest, refuses everything while the file does not verify, and recovers", async () => {
    const file = path.join(dir, "reload.json");
    writeManifest(file, manifest([step("one", "echo one")]));
    const agent = spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile]);
    await hub.connected();
    expect(await hub.send({ stepId: "one", command: "echo one" })).toMatchObject({ output: "one\r\n" });
    expect(await hub.send({ stepId: "two", command: "echo two" })).toMatchObject({
      refused: 'step "two" of "pinned" is not in the signed manifest',
    });

    const second = writeManifest(file, manifest([step("two", "echo two")]));
    await waitFor(() => agent.log().includes(second), `no reload:\n${agent.log()}`);
    expect(await hub.send({ stepId: "two", command: "echo two" })).toMatchObject({ output: "two\r\n" });
    expect(await hub.send({ stepId: "one", command: "echo one" })).toMatchObject({
      refused: 'step "one" of "pinned" is not in the signed manifest',
    });

    // Signed by a key the agent does not trust: fail closed, not back to the last good one.
    writeManifest(file, manifest([step("two", "echo two"), step("touch", TOUCH)]), stranger.privateKey);
    await waitFor(() => agent.log().includes("does not verify"), `no failed reload:\n${agent.log()}`);
    const closed = await hub.send({ stepId: "two", command: "echo two" });
    expect(closed).toEqual({
      refused: expect.stringMatching(
        new RegExp(
          `^the manifest ${file} no longer verifies \\(the signature does not verify .*\\); refusing every step`,
        ),
      ),
    });
    expect(await hub.send({ stepId: "touch", command: TOUCH })).toEqual(closed);
    expect(fs.existsSync(marker)).toBe(false);

    // Written in place rather than renamed over: picked up once the write settles.
    const third = writeManifest(file, manifest([step("touch", TOUCH)]), keys.privateKey, false);
    await waitFor(() => agent.log().includes(third), `no recovery:\n${agent.log()}`);
    expect(await hub.send({ stepId: "touch", command: TOUCH })).toMatchObject({ exit: { exitCode: 0 } });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("shortens a refusal reason to what the hub takes (a manifest deep in a long path)", async () => {
    const deep = path.join(dir, ...Array.from({ length: 9 }, (_, i) => `${i}`.padEnd(240, "d")));
    fs.mkdirSync(deep, { recursive: true });
    const file = path.join(deep, "m.json");
    writeManifest(file, manifest([step("touch", TOUCH)]));
    const agent = spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile]);
    await hub.connected();
    fs.writeFileSync(file, "not a manifest");
    await waitFor(() => agent.log().includes("does not verify"), `no failed reload:\n${agent.log()}`);
    const refused = await hub.send({ stepId: "touch", command: TOUCH });
    expect("refused" in refused && refused.refused.length).toBe(REFUSAL_REASON_MAX);
    expect("refused" in refused && refused.refused).toMatch(new RegExp(`^the manifest ${dir}/0d+/1d+.*…$`));
  });

  it("refuses environment variables the playbook does not declare (LD_PRELOAD from a hostile server)", async () => {
    const file = path.join(dir, "env.json");
    writeManifest(file, manifest([step("touch", TOUCH)]));
    spawnAgent(hub, ["--manifest", file, "--trust-key", trustKeyFile]);
    await hub.connected();
    expect(await hub.send({ stepId: "touch", command: TOUCH, env: { BASH_ENV: "/tmp/evil" } })).toEqual({
      refused: 'input "BASH_ENV" is not one that "pinned" declares in the signed manifest',
    });
    expect(fs.existsSync(marker)).toBe(false);
  });
});
