// The incident schema's rules that no store test reaches: what a timeline link may point at.
import { describe, expect, it } from "vitest";
import { timelineEntrySchema } from "./schema";

const entry = (link: string) => ({ at: "2025-11-05T09:30:00Z", kind: "note", text: "Paged", link });

describe("timeline link", () => {
  it("keeps site paths and web URLs", () => {
    for (const link of ["/runs/abc?step=s1#out", "https://status.example.com/x", "http://wiki.example/a"]) {
      expect(timelineEntrySchema.parse(entry(link)).link, link).toBe(link);
    }
  });

  it("refuses links that leave the site while looking like a site path, and scripts", () => {
    for (const link of ["//evil.test/x", "/\\evil.test/x", "/.//evil.test/x", "/%5Cevil.test", "javascript:alert(1)"]) {
      const result = timelineEntrySchema.safeParse(entry(link));
      expect(result.success, link).toBe(false);
      expect(result.error?.issues[0]?.message, link).toBe("Link must be a site path (/runs/…) or an http(s) URL");
    }
  });
});
