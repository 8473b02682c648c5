import { describe, expect, it } from "vitest";
import { checkInputs } from "./inputs";
import type { PlaybookInput } from "@/lib/playbooks/types";

const declared: PlaybookInput[] = [
  { name: "IMAGE", label: "Image", default: "app:latest", required: false, secret: false, pattern: "^[a-z:.-]+$" },
  { name: "TOKEN", label: "Token", required: true, secret: true },
];

describe("checkInputs", () => {
  it("applies defaults, masks secrets in what is stored", () => {
    const res = checkInputs(declared, { TOKEN: "t0ps3cret" });
    expect(res).toEqual({
      ok: true,
      inputs: {
        values: { IMAGE: "app:latest", TOKEN: "t0ps3cret" },
        stored: { IMAGE: "app:latest", TOKEN: "********" },
        secrets: ["t0ps3cret"],
      },
    });
  });

  it("refuses missing, unknown and mismatching values with a reason", () => {
    expect(checkInputs(declared, {})).toEqual({ ok: false, message: "input TOKEN (Token) is required" });
    expect(checkInputs(declared, { TOKEN: "x", EXTRA: "1" })).toEqual({ ok: false, message: "unknown input: EXTRA" });
    expect(checkInputs(declared, { TOKEN: "x", IMAGE: "App; rm -rf /" })).toEqual({
      ok: false,
      message: "input IMAGE (Image) must match /^[a-z:.-]+$/",
    });
  });
});
