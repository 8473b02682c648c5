import { describe, expect, it } from "vitest";
import { formatAgo, formatDate, formatDateTime, formatDay, formatRecency, formatTime } from "./dates";

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

describe("run times", () => {
  it("prints times", () => {
    expect(formatDateTime("2025-03-04T05:06:07.000Z")).toBe("4 Mar 2025, 05:06:07 UTC");
    const now = Date.parse("2025-03-04T12:00:00.000Z");
    expect(formatAgo("2025-03-04T11:59:30.000Z", now)).toBe("just now");
    expect(formatAgo("2025-03-04T11:15:00.000Z", now)).toBe("45 min ago");
    expect(formatAgo("2025-03-02T12:00:00.000Z", now)).toBe("2 days ago");
  });
});

describe("incident dates", () => {
  it("prints the UTC day and minute", () => {
    expect(formatDay(new Date("2025-03-04T23:06:07.000Z"))).toBe("2025-03-04");
    expect(formatTime(new Date("2025-03-04T05:06:07.000Z"))).toBe("2025-03-04 05:06 UTC");
  });
});
