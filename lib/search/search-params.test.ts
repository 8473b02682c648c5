import { describe, expect, it } from "vitest";
import { parseSearchParams } from "./search-params";

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe("parseSearchParams", () => {
  it("accepts a query, a limit and a tag", () => {
    expect(parse("q=%20manifest%20unknown%20&limit=5&tag=podman")).toEqual({
      ok: true,
      value: { q: "manifest unknown", limit: 5, tag: "podman" },
    });
    expect(parse("q=podman")).toEqual({ ok: true, value: { q: "podman", limit: undefined, tag: undefined } });
    expect(parse("q=podman&tag=")).toEqual({ ok: true, value: { q: "podman", limit: undefined, tag: undefined } });
  });

  it("refuses a missing, empty or oversized query with the reason", () => {
    expect(parse("")).toEqual({
      ok: false,
      error: "q is required: paste an error message or type what you are looking for",
    });
    expect(parse("q=%20%20")).toEqual({ ok: false, error: "q must not be empty" });
    expect(parse(`q=${"a".repeat(4001)}`)).toEqual({ ok: false, error: "q must be at most 4000 characters" });
    expect(parse(`q=${"a".repeat(4000)}`).ok).toBe(true);
  });

  it("refuses a limit outside 1..50 or not a whole number", () => {
    for (const limit of ["0", "51", "-1", "1.5", "ten", ""]) {
      const parsed = parse(`q=podman&limit=${limit}`);
      expect(parsed.ok, limit).toBe(false);
      expect(!parsed.ok && parsed.error, limit).toMatch(/^limit must be/);
    }
    expect(parse("q=podman&limit=50")).toMatchObject({ ok: true, value: { limit: 50 } });
    expect(parse("q=podman&limit=1")).toMatchObject({ ok: true, value: { limit: 1 } });
  });
});
