import { describe, expect, it } from "vitest";
import { sameSitePath } from "./site-path";

describe("sameSitePath", () => {
  it("keeps same-site paths with their query and hash, normalised", () => {
    for (const [input, expected] of [
      ["/", "/"],
      ["/playbooks/ray?step=a#s1", "/playbooks/ray?step=a#s1"],
      ["/runs/abc?next=//evil.test", "/runs/abc?next=//evil.test"],
      ["/incidents/./x/../y", "/incidents/y"],
      ["/search?q=a%20b#top", "/search?q=a%20b#top"],
      ["/tags/caf%C3%A9", "/tags/caf%C3%A9"],
      ["/a%2Fb", "/a%2Fb"],
    ]) {
      expect(sameSitePath(input!), input).toBe(expected);
    }
  });

  it("gives back what it keeps unchanged when asked again", () => {
    for (const input of ["/incidents/./x/../y?a=1#b", "/a b", "/%7Euser"]) {
      const once = sameSitePath(input);
      expect(once, input).not.toBeNull();
      expect(sameSitePath(once!), input).toBe(once);
    }
  });

  it("refuses anything a browser, or a server decoding the path once, could take off the site", () => {
    for (const hostile of [
      "",
      "evil.test",
      "//evil.test",
      "///evil.test",
      "/\\evil.test",
      "\\\\evil.test",
      "/.//evil.test/phish",
      "/..//evil.test/phish",
      "/.\\/evil.test",
      "/a/../..//evil.test",
      "/%2e%2e//evil.test",
      "/%2F%2Fevil.test",
      "/%2f/evil.test",
      "/%5Cevil.test",
      "/%5C%5Cevil.test",
      "/%2e%2e%2f%2fevil.test",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "/%09/evil.test",
      "/%0A/evil.test",
      "/x\u0000y",
      "/%E0%A4%A",
      "https://evil.test/",
      "http:/evil.test",
      "javascript:alert(1)",
      " /x",
    ]) {
      expect(sameSitePath(hostile), JSON.stringify(hostile)).toBeNull();
    }
  });
});
