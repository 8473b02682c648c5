// The pure parts of alert intake: severity words, the symptoms an alert gives, which runbook URLs
// name a playbook of this Casebook, and secrets sealed under one auth secret and not another.
import { describe, expect, it } from "vitest";
import { amendedInput, newIncidentInput, severityOf, symptomsOf } from "./alert-incident";
import type { Alert } from "./payloads";

process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { runbookSlug } = await import("./suggest-playbooks");
const { sealSecret, unsealSecret } = await import("./seal");
const { serverBaseUrl } = await import("@/lib/auth/origins");

const alert = (over: Partial<Alert> = {}): Alert => ({
  fingerprint: "f",
  status: "firing",
  name: "DiskFull",
  labels: { severity: "critical", instance: "db-1:9100" },
  annotations: { summary: "No space left on device", runbook_url: "http://x/playbooks/y" },
  startsAt: null,
  link: null,
  ...over,
});

describe("an alert as an incident", () => {
  it("reads severity words, defaulting to SEV3", () => {
    expect(severityOf(alert())).toBe("SEV1");
    expect(severityOf(alert({ labels: { severity: "Warning" } }))).toBe("SEV3");
    expect(severityOf(alert({ labels: { priority: "P2" } }))).toBe("SEV2");
    expect(severityOf(alert({ labels: { severity: "whatever" } }))).toBe("SEV3");
  });

  it("keeps the name, annotations (not the runbook link) and labels as symptoms", () => {
    expect(symptomsOf(alert())).toEqual([
      "DiskFull",
      "No space left on device",
      "instance=db-1:9100 severity=critical",
    ]);
  });

  it("reopens a resolved incident when the alert fires again, and only notes a resolution", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const opened = newIncidentInput(alert(), "prom", ["disk-full"], now);
    expect(opened).toMatchObject({ status: "investigating", title: "DiskFull: No space left on device" });
    const resolved = { ...opened, status: "resolved" as const, resolvedAt: now };
    expect(amendedInput(resolved, alert(), "prom", now)).toMatchObject({ status: "investigating", resolvedAt: null });
    const noted = amendedInput(resolved, alert({ status: "resolved" }), "prom", now);
    expect(noted.status).toBe("resolved");
    expect(noted.timeline.at(-1)?.text).toMatch(/^Alert \*\*DiskFull\*\* resolved \(from prom\)/);
  });
});

describe("runbook URLs", () => {
  const base = serverBaseUrl().replace(/\/$/, "");
  it.each([
    [`${base}/playbooks/disk-full`, "disk-full"],
    [`${base}/playbooks/disk-full/`, "disk-full"],
    ["/playbooks/disk-full", "disk-full"],
    ["https://wiki.example/playbooks/disk-full", null],
    [`${base}/playbooks/disk-full/steps`, null],
    [`${base}/incidents/x`, null],
    ["javascript:alert(1)", null],
    [undefined, null],
  ])("%s names %s", (url, slug) => expect(runbookSlug(url)).toBe(slug));
});

describe("sealed secrets", () => {
  it("open under the same auth secret only", () => {
    const sealed = sealSecret("s3cret");
    expect(sealed).not.toContain("s3cret");
    expect(unsealSecret(sealed)).toBe("s3cret");
    const before = process.env.BETTER_AUTH_SECRET;
    process.env.BETTER_AUTH_SECRET = "another-secret-another-secret-another-1";
    try {
      expect(unsealSecret(sealed)).toBeNull();
    } finally {
      process.env.BETTER_AUTH_SECRET = before;
    }
    expect(unsealSecret("v1.garbage")).toBeNull();
  });
});
