// SIGTERM with an external agent connected must finish: the agent's websocket may not hold the
// instance open (it went on running forwarded steps for minutes).
import { afterAll, describe, expect, it } from "vitest";
import { startHarness, waitFor } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { closeServer } from "./shutdown";

const h = await startHarness([testPlaybook("idle", [testStep("hello", "echo hello")])]);
afterAll(() => h.stop());

describe("closeServer", () => {
  it("finishes while an agent and a browser are connected, and lets both go", async () => {
    const { hostId, proc } = await h.agentFor("shutdown-host");
    const browser = h.uiClient(await h.signIn("viewer"));
    await browser.connected();
    const started = Date.now();
    await closeServer(h.server, h.hub, 30_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    await waitFor(() => !browser.socket.connected);
    expect(h.hub.runs.isConnected(hostId)).toBe(false);
    expect(proc.exitCode).toBeNull(); // the agent lives on, reconnecting, for the next instance
  });
});
