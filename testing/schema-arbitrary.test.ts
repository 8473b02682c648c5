// The fuzz test's generators are only as good as their fit to the schemas: what the derived
// arbitrary makes must pass the very schema it came from, for every event of both protocols.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGENT_TO_SERVER } from "@/agent/src/protocol";
import { UI_COMMANDS } from "@/lib/runs/protocol";
import { arbitraryFor } from "./schema-arbitrary";

const schemas = [
  ...Object.entries(UI_COMMANDS).map(([event, c]) => [`/ui ${event}`, c.payload] as const),
  ...Object.entries(AGENT_TO_SERVER).map(([event, schema]) => [`/agent ${event}`, schema] as const),
];

describe("arbitraryFor", () => {
  it.each(schemas)("makes values that %s accepts", (_name, schema) => {
    // The agent's output bytes are a custom schema: "anything" is generated for it, bytes included.
    const bytesFirst = (v: unknown) =>
      v && typeof v === "object" && "data" in v ? { ...v, data: new Uint8Array(1) } : v;
    fc.assert(
      fc.property(arbitraryFor(schema), (value) => {
        const parsed = schema.safeParse(bytesFirst(value));
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
