import { describe, expect, it } from "vitest";
import { checkInputValues, initialInputValues, valuesToSend, type InputDeclaration } from "./input-check";

const inputs: InputDeclaration[] = [
  { name: "IMAGE", label: "Image", default: "worker:latest", required: false, secret: false },
  { name: "PORT", label: "Port", required: true, secret: false, pattern: "^[0-9]+$" },
  { name: "API_KEY", label: "API key", default: "dev-key", required: false, secret: true },
];

describe("run form inputs", () => {
  it("prefills defaults but never a secret one", () => {
    expect(initialInputValues(inputs)).toEqual({ IMAGE: "worker:latest", PORT: "", API_KEY: "" });
  });

  it("names each missing or malformed value beside its input", () => {
    expect(checkInputValues(inputs, { IMAGE: "", PORT: "" })).toEqual({ PORT: "Port is required." });
    expect(checkInputValues(inputs, { PORT: "80a" })).toEqual({ PORT: "Port must match /^[0-9]+$/." });
    expect(checkInputValues(inputs, { PORT: "8080" })).toEqual({});
  });

  it("sends only what was typed, so empty fields take the playbook's defaults", () => {
    expect(valuesToSend(inputs, { IMAGE: "", PORT: "8080", API_KEY: "" })).toEqual({ PORT: "8080" });
  });
});
