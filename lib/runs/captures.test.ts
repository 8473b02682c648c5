import { describe, expect, it } from "vitest";
import { applyCaptures, runCaptures } from "./captures";
import type { StepRunView } from "./protocol";
import { SECRET_MASK } from "./secret-masker";

const OUTPUT = "Client:\n  podman version 5.0.1\nServer:\n  podman version 5.0.2\n\ntoken: s3cr3t\n  \n";

describe("applyCaptures", () => {
  it("takes each regex's first match, line anchors per line", () => {
    const captured = applyCaptures(
      { patterns: [String.raw`podman version (?<PODMAN_VERSION>\S+)`, String.raw`^Server:$`], secret: [] },
      OUTPUT,
    );
    expect(captured).toEqual({
      values: { PODMAN_VERSION: "5.0.1" },
      secrets: [],
      stored: [{ name: "PODMAN_VERSION", value: "5.0.1", secret: false }],
    });
  });

  it("takes the last line with text on it, trimmed, and masks a secret one", () => {
    const captured = applyCaptures({ patterns: [], lastLine: "TOKEN", secret: ["TOKEN"] }, OUTPUT);
    expect(captured).toEqual({
      values: { TOKEN: "token: s3cr3t" },
      secrets: ["token: s3cr3t"],
      stored: [{ name: "TOKEN", value: SECRET_MASK, secret: true }],
    });
  });

  it("leaves out groups that did not take part and regexes that did not match", () => {
    const capture = { patterns: [String.raw`(?<A>nope)|(?<B>podman)`, String.raw`(?<C>absent)`], secret: [] };
    expect(applyCaptures(capture, OUTPUT).values).toEqual({ B: "podman" });
  });

  it("captures nothing from empty output, and nothing longer than an input may be", () => {
    expect(applyCaptures({ patterns: [], lastLine: "OUT", secret: [] }, " \n\n").stored).toEqual([]);
    expect(applyCaptures({ patterns: [], lastLine: "OUT", secret: [] }, "x".repeat(5000)).stored).toEqual([]);
    expect(applyCaptures(undefined, OUTPUT).stored).toEqual([]);
  });
});

describe("runCaptures", () => {
  it("keeps each name's latest value in step start order", () => {
    const step = (captures: StepRunView["captures"]) => ({ captures }) as StepRunView;
    const steps = [
      step([{ name: "A", value: "1", secret: false }]),
      step([{ name: "B", value: SECRET_MASK, secret: true }]),
      step([{ name: "A", value: "2", secret: false }]),
    ];
    expect(runCaptures({ steps })).toEqual([
      { name: "A", value: "2", secret: false },
      { name: "B", value: SECRET_MASK, secret: true },
    ]);
  });
});
