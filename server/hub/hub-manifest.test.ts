// The real hub and a real agent pinned to a signed manifest of the reviewed content, while the
// hub serves content that was changed behind the review: what was reviewed runs (the manifest
// hashes exactly what the hub sends), what was not is refused, and the reason reaches the browser.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandSha256, signManifest } from "@/agent/src/manifest";
import { buildContentManifest, serializeContentManifest } from "@/lib/playbooks/content-manifest";
import { startHarness, type UiClient } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const inputs = [{ name: "WHO", label: "Who", default: "world", required: false, secret: false }];
const reviewed = testPlaybook(
  "pinned",
  [
    testStep("greet", 'echo "hello $WHO"'),
    testStep("look", "ls /"),
    testStep("restart", "echo restarting", { risk: "change" }),
  ],
  { inputs, contentHash: "aaaaaaaaaaaa" },
);
// What a compromised server (or an unreviewed edit of content/) serves instead.
const served = testPlaybook(
  "pinned",
  [
    testStep("greet", 'echo "hello $WHO"'),
    testStep("look", "ls / "),
    testStep("restart", "echo restarting", { risk: "read" }),
  ],
  { inputs, contentHash: "bbbbbbbbbbbb" },
);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-hub-manifest-"));
let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;
let runId: string;

beforeAll(async () => {
  const keys = crypto.generateKeyPairSync("ed25519");
  const manifestFile = path.join(dir, "manifest.signed.json");
  const keyFile = path.join(dir, "trusted.pub.pem");
  const payload = serializeContentManifest(buildContentManifest([reviewed], new Date()));
  fs.writeFileSync(manifestFile, JSON.stringify(signManifest(payload, keys.privateKey)));
  fs.writeFileSync(keyFile, keys.publicKey.export({ type: "spki", format: "pem" }));

  h = await startHarness([served]);
  const args = ["--manifest", manifestFile, "--trust-key", keyFile, "--max-risk", "read"];
  const { hostId } = await h.agentFor("pinned-box", args);
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
  const res = await operator.call("run.start", { playbook: "pinned", hostId, inputs: { WHO: "reviewer" } });
  if (!res.ok) throw new Error(res.error.message);
  runId = res.runId as string;
}, 90_000);

afterAll(async () => {
  await h?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an agent pinned to the signed manifest, behind the real hub", () => {
  it("runs a reviewed step exactly as the hub sends it, inputs included", async () => {
    const greet = await operator.run(runId, "greet");
    expect(greet.view.verdict).toBe("passed");
    expect(greet.output.toString()).toBe("hello reviewer\r\n");
  });

  it("refuses a step changed by one byte, and the browser sees why", async () => {
    const look = await operator.run(runId, "look");
    expect(look.view).toMatchObject({
      verdict: "refused",
      reason:
        `refused by the agent on pinned-box: command not in the signed manifest ` +
        `(sha256 ${commandSha256("ls / ").slice(0, 12)}…): step "look" of "pinned" is signed as ` +
        `${commandSha256("ls /").slice(0, 12)}… (the manifest was made from content aaaaaaaaaaaa; ` +
        "the server has bbbbbbbbbbbb)",
    });
    expect(look.output.length).toBe(0);
  });

  it("judges a step the server calls read at the manifest's change", async () => {
    const restart = await operator.run(runId, "restart");
    expect(restart.view).toMatchObject({
      verdict: "refused",
      reason:
        'refused by the agent on pinned-box: this agent accepts steps up to risk "read"; step "restart" is ' +
        '"change" (risk from the signed manifest; the server said "read")',
    });
  });
});
