// The server and the agent log in one shape (agent/src/log-line.ts), and a request's lines carry
// its request id.
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { logLineSchema } from "@/agent/src/log-line";
import { observeRequest } from "@/lib/http/observe-request";
import { createLogger } from "./log";
import { withLogContext } from "./log-context";

function capture() {
  const lines: unknown[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe("log lines", () => {
  it("from the server have the shared shape, with the request id of the request being served", () => {
    const { lines, logger } = capture();
    logger.warn({ runId: "run-1" }, "outside a request");
    withLogContext({ reqId: "req-1" }, () => logger.error({ err: new Error("boom") }, "inside a request"));
    expect(lines.map((l) => logLineSchema.parse(l))).toMatchObject([
      { level: "warn", app: "casebook", msg: "outside a request", runId: "run-1" },
      { level: "error", app: "casebook", msg: "inside a request", reqId: "req-1", err: { message: "boom" } },
    ]);
    expect(lines[0]).not.toHaveProperty("reqId");
  });

  it("from the agent have the same shape", () => {
    const script = [
      `import { log } from ${JSON.stringify(path.resolve(import.meta.dirname, "../agent/src/log.ts"))};`,
      'log.info({ stepRunId: "s-1" }, "step started");',
      'log.error({ err: new Error("boom") }, "step failed");',
      'log.debug({}, "below the level");',
    ].join("\n");
    const out = execFileSync("npx", ["tsx", "--eval", script], { encoding: "utf8", env: { ...process.env } });
    const lines = out
      .split("\n")
      .filter(Boolean)
      .map((line) => logLineSchema.parse(JSON.parse(line)));
    expect(lines).toMatchObject([
      { level: "info", app: "casebook-agent", msg: "step started", stepRunId: "s-1" },
      { level: "error", app: "casebook-agent", msg: "step failed", err: { message: "boom" } },
    ]);
  });

  it("carry the id observeRequest gives each request, kept from upstream when it is safe", async () => {
    const { lines, logger } = capture();
    const server = http.createServer((req, res) =>
      observeRequest(req, res, () => {
        // Logged after an await, as a handler would: the id follows the request's async work.
        void Promise.resolve().then(() => {
          logger.warn({}, "handled");
          res.end();
        });
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const fresh = await fetch(url);
    const upstream = await fetch(url, { headers: { "x-request-id": "lb-7f3a.1" } });
    const unsafe = await fetch(url, { headers: { "x-request-id": "a b;c" } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const ids = [fresh, upstream, unsafe].map((r) => r.headers.get("x-request-id"));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe("lb-7f3a.1");
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => (l as { reqId: string }).reqId)).toEqual(ids);
  });
});
