import { afterEach, describe, expect, it } from "vitest";
import { forgetProcessSingleton, hasProcessSingleton, processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  afterEach(() => void forgetProcessSingleton("test.counter"));

  it("makes the value once and hands every caller the same one", () => {
    let made = 0;
    const make = () => ({ n: ++made });
    expect(processSingleton("test.counter", make)).toBe(processSingleton("test.counter", make));
    expect(made).toBe(1);
  });

  it("shares it with every copy of the module through one global symbol", () => {
    const value = processSingleton("test.counter", () => ({}));
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for("casebook.test.counter")]).toBe(value);
  });

  it("forgets it, returning the old value, so the next call makes a fresh one", () => {
    const first = processSingleton("test.counter", () => ({}));
    expect(forgetProcessSingleton("test.counter")).toBe(first);
    expect(hasProcessSingleton("test.counter")).toBe(false);
    expect(processSingleton("test.counter", () => ({}))).not.toBe(first);
  });
});
