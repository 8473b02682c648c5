// one-database: SQLite. The CLI is an HTTP client; the routes and the hub under it run on both databases in
// their own tests (app/api/runs/route.test.ts), and this file would only repeat them at a PostgreSQL cost.
// The casebook CLI against a real server: the app's route handlers over HTTP (testing/route-server.ts)
// on the real hub, with a real agent process on this machine, real API tokens and the repository's
// own playbooks. Most commands run in-process through main(); the done-means case runs the bin.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestToken } from "@/testing/api-token";
import { startHarness, waitFor } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { main } from "./index";

const BIN = path.resolve(import.meta.dirname, "../bin/casebook.mjs");
const RAY = "ray-actor-pending-creation-podman";
const HOST = "cli-box";
/** Beside the repository's playbooks: one whose step passes here, with an input, and a slow one. */
const ECHO = testPlaybook(
  "cli-echo",
  [
    testStep("greet", 'echo "hello $WHO"', { expect: { exit: 0 } }),
    testStep("slow", "echo started; sleep 30"),
    testStep("wipe", "echo wiping", { risk: "danger" }),
  ],
  { inputs: [{ name: "WHO", label: "Who", default: "world", required: false, secret: false }] },
);

let h: Awaited<ReturnType<typeof startHarness>>;
const tokens = { operator: "", viewerCapped: "" };
const scratch = mkdtempSync(path.join(tmpdir(), "casebook-cli-"));

beforeAll(async () => {
  const { getPlaybook } = await import("@/lib/playbooks/content-index");
  const playbook = async (slug: string) => (slug === ECHO.slug ? ECHO : getPlaybook(slug));
  h = await startHarness([], { getPlaybook: playbook }, { serveRoutes: true });
  await h.agentFor(HOST);
  const admin = await h.db.user.create({
    data: { id: "cli-admin", name: "Cli Admin", email: "cli-admin@example.com", role: "admin" },
  });
  tokens.operator = await createTestToken(admin.id, { role: "operator" });
  tokens.viewerCapped = await createTestToken(admin.id, { role: "viewer" });
}, 60_000);

afterAll(async () => {
  await h?.stop();
  const { closeContentIndex } = await import("@/lib/playbooks/content-index");
  await closeContentIndex();
  rmSync(scratch, { recursive: true, force: true });
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process, as a user with `token` (default: the operator-capped one). */
async function cli(args: string[], token = tokens.operator, url = h.url): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(["--url", url, "--token", token, ...args], {
    stdout: (text) => (stdout += typeof text === "string" ? text : Buffer.from(text).toString("utf8")),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe("casebook CLI", () => {
  it("lists hosts, as text and as JSON", async () => {
    const text = await cli(["hosts"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^${HOST}\\s+online`, "m"));
    const json = await cli(["hosts", "--json"]);
    expect((JSON.parse(json.stdout) as { hosts: { name: string }[] }).hosts.map((host) => host.name)).toContain(HOST);
  });

  it("finds the playbook and the step for a pasted error", async () => {
    const error = "FileNotFoundError: [Errno 2] No such file or directory: 'podman'";
    const found = await cli(["search", error]);
    expect(found.code).toBe(0);
    expect(found.stdout.split("\n")[0]).toContain(RAY);
    expect(found.stdout).toContain(`casebook run ${RAY} --host <host> --step podman-installed`);
    const json = JSON.parse((await cli(["--json", "search", error])).stdout) as { results: { step: string }[] };
    expect(json.results[0]!.step).toBe("podman-installed");
  });

  it("walks the read steps on a host without podman: exit 1, the output and the stopping reason", async () => {
    // The bin itself, as a person or a CI job runs it (CASEBOOK_URL and CASEBOOK_TOKEN from the environment).
    const { exited, out } = bin(["run", RAY, "--host", HOST, "--all-read"]);
    const code = await exited;
    const { stdout, stderr } = out;
    expect({ code, stderr }).toMatchObject({ code: 1 });
    expect(stdout).toContain("podman: not found on PATH");
    expect(stderr).toContain("── podman-installed: Is podman installed? (read)");
    expect(stderr).toMatch(/✗ failed \(exit 1\)/);
    expect(stderr).toContain("stopped: podman is missing (`podman-installed` failed)");
  });

  it("cancels the running step on Ctrl-C, and exits 2", async () => {
    const { child, exited, out } = bin(["run", ECHO.slug, "--host", HOST, "--step", "slow", "--keep-open"]);
    await waitFor(
      () => out.stdout.includes("started"),
      10_000,
      () => out.stderr,
    );
    child.kill("SIGINT");
    expect(await exited).toBe(2);
    expect(out.stderr).toContain("casebook: Cancelled: the running step was asked to stop.");
    const runId = /^Run (\S+):/m.exec(out.stderr)![1]!;
    const verdict = async () => {
      const view = await fetch(`${h.url}/api/runs/${runId}`, {
        headers: { authorization: `Bearer ${tokens.operator}` },
      });
      return ((await view.json()) as { run: { steps: { verdict: string }[] } }).run.steps[0]!.verdict;
    };
    await waitFor(async () => (await verdict()) === "cancelled", 10_000);
  });

  it("runs one step with --json: the verdict, the run (finished) and the output", async () => {
    const result = await cli(["run", RAY, "--host", HOST, "--step", "podman-installed", "--json"]);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { exitCode: number; run: { status: string }; output: object };
    expect(body.exitCode).toBe(1);
    expect(body.run.status).toBe("finished");
    expect(Object.values(body.output).join("")).toContain("podman: not found on PATH");
  });

  it("exits 0 when the step passes, with --input values", async () => {
    const passed = await cli(["run", ECHO.slug, "--host", HOST, "--step", "greet", "--input", "WHO=casebook"]);
    expect(passed, passed.stderr).toMatchObject({ code: 0, stdout: "hello casebook\r\n" });
    expect(passed.stderr).toContain("✓ passed (exit 0)");
    const bad = await cli(["run", ECHO.slug, "--host", HOST, "--input", "WHO"]);
    expect(bad).toMatchObject({ code: 2, stderr: 'casebook: --input takes NAME=value, not "WHO".\n' });
  });

  it("exits 2 with a clear reason: refused role, bad token, unknown host, no server", async () => {
    const forbidden = await cli(["run", RAY, "--host", HOST, "--step", "podman-installed"], tokens.viewerCapped);
    expect(forbidden).toMatchObject({ code: 2 });
    expect(forbidden.stderr).toMatch(/^casebook: Not allowed \(403\): .*operator/);

    const bad = await cli(["hosts"], "cb_not-a-real-token");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("casebook: Casebook did not accept the token (401): This API token is not valid");

    const unknown = await cli(["run", RAY, "--host", "no-such-box"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`No host "no-such-box"`);

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await cli(["hosts"], tokens.operator, `http://127.0.0.1:${port}`);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain("connection refused");

    const usage = await cli(["run", RAY]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("required option '--host <host>' not specified");
  });

  it("runs a danger step only with its id typed, as the page asks", async () => {
    const admin = await createTestToken("cli-admin");
    await h.agentFor("cli-danger-box", ["--max-risk", "danger"]); // agents take change steps at most by default
    const step = ["run", ECHO.slug, "--host", "cli-danger-box", "--step", "wipe"];
    const mistyped = await cli([...step, "--type-step-id", "wip"], admin);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stdout).not.toContain("wiping");
    const typed = await cli([...step, "--type-step-id", "wipe"], admin);
    expect(typed, typed.stderr).toMatchObject({ code: 0, stdout: "wiping\r\n" });
  });

  it("imports an incident and exports them all", async () => {
    const file = path.join(scratch, "write-up.md");
    writeFileSync(file, readFileSync(path.resolve(import.meta.dirname, "../content/incidents", firstWriteUp())));
    const imported = await cli(["incidents", "import", file, "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    const { id } = JSON.parse(imported.stdout) as { id: string };
    const out = path.join(scratch, "all.json");
    const exported = await cli(["incidents", "export", "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    const all = JSON.parse(readFileSync(out, "utf8")) as { incidents: { incident: { title: string } }[] };
    expect(all.incidents.length).toBeGreaterThan(0);
    expect(exported.stderr).toContain(`Wrote ${all.incidents.length} incidents`);
    expect(id).toBeTruthy();
  });

  it("has --help on every command", async () => {
    for (const args of [["--help"], ["run", "--help"], ["incidents", "export", "--help"], ["hosts", "--help"]]) {
      const help = await cli(args);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toContain("--json");
    }
  });
});

/** The bin as a child process, with CASEBOOK_URL and CASEBOOK_TOKEN in its environment. */
function bin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CASEBOOK_URL: h.url, CASEBOOK_TOKEN: tokens.operator },
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, out };
}

function firstWriteUp(): string {
  return readdirSync(path.resolve(import.meta.dirname, "../content/incidents")).find((f) => f.endsWith(".md"))!;
}
