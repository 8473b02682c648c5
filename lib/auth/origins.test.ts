import { describe, expect, it } from "vitest";
import { isTrustedOrigin, serverBaseUrl, trustedOrigins } from "./origins";

describe("serverBaseUrl", () => {
  it("defaults to 127.0.0.1:3000 and follows HOST and PORT", () => {
    expect(serverBaseUrl({})).toBe("http://127.0.0.1:3000");
    expect(serverBaseUrl({ HOST: "0.0.0.0", PORT: "8080" })).toBe("http://0.0.0.0:8080");
    expect(serverBaseUrl({ HOST: "::1", PORT: "3210" })).toBe("http://[::1]:3210");
  });

  it("prefers BASE_URL and rejects one that is not an http(s) URL", () => {
    expect(serverBaseUrl({ BASE_URL: "https://casebook.example.com/", PORT: "9" })).toBe(
      "https://casebook.example.com",
    );
    expect(() => serverBaseUrl({ BASE_URL: "casebook.example.com" })).toThrow(/BASE_URL is not a URL/);
    expect(() => serverBaseUrl({ BASE_URL: "ftp://casebook.example.com" })).toThrow(/must start with http/);
  });
});

describe("trustedOrigins", () => {
  it("trusts both loopback names on the default address", () => {
    expect(trustedOrigins({})).toEqual(["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"]);
    expect(trustedOrigins({ PORT: "3210" })).toContain("http://localhost:3210");
  });

  it("trusts only the public origin when BASE_URL names one", () => {
    expect(trustedOrigins({ BASE_URL: "https://casebook.example.com" })).toEqual(["https://casebook.example.com"]);
  });
});

describe("isTrustedOrigin", () => {
  it("accepts exactly the trusted origins", () => {
    expect(isTrustedOrigin("http://127.0.0.1:3000", {})).toBe(true);
    expect(isTrustedOrigin("http://localhost:3000", {})).toBe(true);
    expect(isTrustedOrigin("https://casebook.example.com", { BASE_URL: "https://casebook.example.com/" })).toBe(true);
  });

  it("refuses another site, port or scheme, a path-bearing value, null and a missing header", () => {
    for (const origin of [
      "http://evil.test",
      "http://127.0.0.1:3001",
      "https://127.0.0.1:3000",
      "http://127.0.0.1:3000/",
      "null",
      null,
    ]) {
      expect(isTrustedOrigin(origin, {}), String(origin)).toBe(false);
    }
    expect(isTrustedOrigin("http://localhost:3000", { BASE_URL: "https://casebook.example.com" })).toBe(false);
  });
});
