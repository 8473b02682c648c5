import { describe, expect, it } from "vitest";
import { effectiveValue, inputProblem, MAX_INPUT_LENGTH, unknownInputs, type InputDeclaration } from "./input-rules";

const port: InputDeclaration = { name: "PORT", label: "Port", required: true, secret: false, pattern: "^[0-9]+$" };
const image: InputDeclaration = { name: "IMAGE", label: "Image", default: "app:1", required: false, secret: false };

describe("input rules", () => {
  it("fall back to the default when nothing was typed", () => {
    expect(effectiveValue(image, "")).toBe("app:1");
    expect(effectiveValue(image, undefined)).toBe("app:1");
    expect(effectiveValue(image, "web:1")).toBe("web:1");
    expect(effectiveValue(port, "")).toBeUndefined();
  });

  it("refuse a missing, overlong, mismatching or NUL-holding value", () => {
    expect(inputProblem(port, undefined)).toBe("is required");
    expect(inputProblem({ ...port, required: false }, undefined)).toBeNull();
    expect(inputProblem(port, "9".repeat(MAX_INPUT_LENGTH + 1))).toBe("is longer than 4096 characters");
    expect(inputProblem(port, "80a")).toBe("must match /^[0-9]+$/");
    expect(inputProblem(image, "a\0b")).toBe("contains a NUL byte");
    expect(inputProblem(port, "8080")).toBeNull();
  });

  it("accept nothing for a pattern that does not compile", () => {
    expect(inputProblem({ ...port, pattern: "(" }, "1")).toBe("must match /(/");
  });

  it("name inputs the playbook does not declare", () => {
    expect(unknownInputs([port, image], { PORT: "1", EXTRA: "x", OTHER: "y" })).toEqual(["EXTRA", "OTHER"]);
  });
});
