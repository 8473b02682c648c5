import { describe, expect, it } from "vitest";
import { bearerToken, isBearerOnly } from "./bearer-header";
import { capsFor, lowerRole, tokenCap } from "./token-cap";

const headers = (h: Record<string, string>) => new Headers(h);

describe("bearerToken", () => {
  it("reads `Authorization: Bearer <token>`, the scheme in any case", () => {
    expect(bearerToken(headers({ authorization: "Bearer cb_abc" }))).toBe("cb_abc");
    expect(bearerToken(headers({ authorization: "bearer  cb_abc " }))).toBe("cb_abc");
  });

  it("ignores other schemes, an empty token and a token with spaces", () => {
    for (const value of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "cb_abc"]) {
      expect(bearerToken(headers({ authorization: value })), value).toBeNull();
    }
    expect(bearerToken(headers({}))).toBeNull();
  });

  it("counts a request as bearer-only when it carries no cookie", () => {
    expect(isBearerOnly(headers({ authorization: "Bearer cb_abc" }))).toBe(true);
    expect(isBearerOnly(headers({ authorization: "Bearer cb_abc", cookie: "a=b" }))).toBe(false);
    expect(isBearerOnly(headers({ cookie: "a=b" }))).toBe(false);
  });
});

describe("token caps", () => {
  it("reads the cap from the metadata, and anything unreadable as the least role", () => {
    expect(tokenCap('{"cap":"operator"}')).toBe("operator");
    expect(tokenCap({ cap: "admin" })).toBe("admin");
    for (const bad of [null, "", "not json", '{"cap":"root"}', "{}"]) expect(tokenCap(bad), String(bad)).toBe("viewer");
  });

  it("never gives more than the owner's role", () => {
    expect(lowerRole("admin", "viewer")).toBe("viewer");
    expect(lowerRole("viewer", "admin")).toBe("viewer");
    expect(capsFor("operator")).toEqual(["viewer", "operator"]);
  });
});
