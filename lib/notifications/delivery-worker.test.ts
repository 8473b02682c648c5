// Notifications out (issue 11, item 5) against a local receiver on 127.0.0.1: a signed webhook
// body the receiver can verify, retries with exponential backoff after a failure, a bounded number
// of attempts, redirects not followed, and only http(s) targets accepted. Time is passed to the
// worker rather than waited for.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-notify-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { createTarget, createTargetInput } = await import("./targets");
const { notify } = await import("./notify");
const { deliverDue, MAX_ATTEMPTS, retryDelay, SIGNATURE_HEADER } = await import("./delivery-worker");
const { verifyTimestamped } = await import("@/lib/alerts/hmac");

type Hit = { path: string; headers: http.IncomingHttpHeaders; body: string };
const hits: Hit[] = [];
/** What the receiver answers next, per path; 200 when nothing is queued. */
const answers = new Map<string, number[]>();
let receiver: http.Server;
let base: string;
const admin = { id: "notify-admin", name: "Ada", email: "ada@example.com", role: "admin" as const };

const event = {
  type: "incident.opened" as const,
  incident: { id: "inc-1", title: "Disk full on db-1", severity: "SEV2", status: "investigating" },
};

beforeAll(async () => {
  await db.user.create({ data: { ...admin, emailVerified: true } });
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = req.url ?? "";
      hits.push({ path, headers: req.headers, body });
      const status = answers.get(path)?.shift() ?? 200;
      res.writeHead(status, status === 302 ? { location: "http://192.0.2.1/elsewhere" } : {}).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

beforeEach(async () => {
  hits.length = 0;
  await db.notificationTarget.deleteMany();
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await db.$disconnect();
  tempDb.remove();
});

async function target(kind: "webhook" | "slack", path: string) {
  const made = await createTarget(admin, createTargetInput.parse({ kind, name: path, url: `${base}${path}` }));
  if (!made.ok) throw new Error(made.message);
  return made.secret;
}

describe("delivery", () => {
  it("signs a webhook body with a timestamped HMAC the receiver can check, and sends Slack its shape", async () => {
    const secret = await target("webhook", "/hook");
    await target("slack", "/slack");
    const now = new Date();
    expect(await notify(event, now)).toBe(2);
    expect(await deliverDue(now)).toBe(2);
    const hook = hits.find((h) => h.path === "/hook")!;
    expect(verifyTimestamped(secret!, hook.body, String(hook.headers[SIGNATURE_HEADER]))).toBe(true);
    expect(verifyTimestamped("other", hook.body, String(hook.headers[SIGNATURE_HEADER]))).toBe(false);
    expect(hook.headers["x-casebook-event"]).toBe("incident.opened");
    expect(JSON.parse(hook.body)).toMatchObject({ type: "incident.opened", incident: { id: "inc-1" } });
    const slack = JSON.parse(hits.find((h) => h.path === "/slack")!.body);
    expect(slack.text).toContain("SEV2 incident opened");
    expect(slack.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    expect(await db.notificationDelivery.count({ where: { status: "delivered" } })).toBe(2);
  });

  it("retries a failure with backoff, and gives up after the last attempt", async () => {
    await target("webhook", "/flaky");
    answers.set("/flaky", [500, 503]);
    let now = new Date();
    await notify(event, now);
    expect(await deliverDue(now)).toBe(1);
    let row = await db.notificationDelivery.findFirstOrThrow({ where: { target: { name: "/flaky" } } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500" });
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelay(1));
    // Not due yet: nothing is sent.
    expect(await deliverDue(new Date(now.getTime() + retryDelay(1) - 1))).toBe(0);
    now = new Date(now.getTime() + retryDelay(1));
    expect(await deliverDue(now)).toBe(1);
    row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(2 * retryDelay(1));
    now = new Date(now.getTime() + retryDelay(2));
    await deliverDue(now);
    row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastError: null });

    answers.set("/flaky", Array(MAX_ATTEMPTS).fill(500));
    await db.notificationDelivery.deleteMany();
    await notify(event, now);
    for (let i = 1; i <= MAX_ATTEMPTS + 1; i++) {
      await deliverDue(now);
      now = new Date(now.getTime() + retryDelay(i));
    }
    row = await db.notificationDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("does not follow a redirect to a host nobody configured", async () => {
    await target("slack", "/moved");
    answers.set("/moved", [302]);
    const now = new Date();
    await notify(event, now);
    await deliverDue(now);
    expect(hits.map((h) => h.path)).toEqual(["/moved"]);
    const row = await db.notificationDelivery.findFirstOrThrow({ where: { target: { name: "/moved" } } });
    expect(row.lastError).toBe("HTTP 302 (redirects are not followed)");
  });

  it("refuses a target URL that is not http(s) or carries credentials", () => {
    for (const url of [
      "file:///etc/passwd",
      "javascript:alert(1)",
      "ftp://example.com/x",
      "not a url",
      "https://u:p@example.com/",
    ]) {
      expect(createTargetInput.safeParse({ kind: "webhook", name: "x", url }).success, url).toBe(false);
    }
  });
});
