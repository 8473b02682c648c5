// Next hands the page its segment already decoded, so a tag with a literal "%" in it (from
// /tags/%25ZZ) must not be decoded again: that threw URIError while rendering.
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { generateMetadata } = await import("./page");

const params = (tag: string) => ({ params: Promise.resolve({ tag }) });

describe("the tag page's title", () => {
  it("names the tag as Next decoded it", async () => {
    expect(await generateMetadata(params("c++"))).toEqual({ title: "Tag: c++" });
  });

  it("does not decode it a second time", async () => {
    expect(await generateMetadata(params("%ZZ"))).toEqual({ title: "Tag: %ZZ" });
    expect(await generateMetadata(params("%E0%A4%A"))).toEqual({ title: "Tag: %E0%A4%A" });
    expect(await generateMetadata(params("%2F"))).toEqual({ title: "Tag: %2F" });
  });
});
