import { describe, expect, it } from "vitest";
import { formatDate, formatRecency } from "./format-date";

describe("format-date", () => {
  const now = new Date("2025-11-22T10:00:00Z");
  it("formats absolute dates in UTC", () => {
    expect(formatDate(new Date("2025-11-05T23:30:00Z"))).toBe("Nov 5, 2025");
  });
  it("says how recent a date is by calendar day", () => {
    expect(formatRecency(new Date("2025-11-22T00:01:00Z"), now)).toBe("today");
    expect(formatRecency(new Date("2025-11-21T23:59:00Z"), now)).toBe("yesterday");
    expect(formatRecency(new Date("2025-11-17T12:00:00Z"), now)).toBe("5 days ago");
    expect(formatRecency(new Date("2025-09-01T12:00:00Z"), now)).toBe("Sep 1, 2025");
  });
});
