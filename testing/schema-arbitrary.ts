// fast-check arbitraries derived from zod schemas, for the hub's fuzz test: a payload that fits
// the schema, so a new event or field is fuzzed without anyone writing its generator. The schema
// is read through zod's own JSON Schema export (the public view of its shape), which covers
// everything the two socket protocols use; a custom type (the agent's output bytes) comes out as
// "anything" and is generated as bytes or any value.
import fc from "fast-check";
import { z } from "zod";

/** The part of JSON Schema that z.toJSONSchema produces for the protocols' schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  maxItems?: number;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/** A field's own generator instead of the derived one (by its key); undefined keeps the derived. */
export type FieldOverride = (key: string, derived: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

/** Strings longer than this are the mutations' job (oversized fields), not the valid generator's. */
const VALID_STRING_CAP = 40;
const VALID_ARRAY_CAP = 4;

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema;
}

/** Values that satisfy `schema` (the input side: defaults may be left out). */
export function arbitraryFor(schema: z.ZodType, override?: FieldOverride): fc.Arbitrary<unknown> {
  return fromJson(jsonSchemaOf(schema), override);
}

export function fromJson(s: JsonSchema, override?: FieldOverride): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((part) => fromJson(part, override)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => fromJson({ ...s, type }, override)));
  switch (s.type) {
    case "string":
      return stringFor(s);
    case "integer":
    case "number":
      return numberFor(s);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(s.items ? fromJson(s.items, override) : fc.anything(), {
        maxLength: Math.min(s.maxItems ?? VALID_ARRAY_CAP, VALID_ARRAY_CAP),
      });
    case "object":
      return objectFor(s, override);
    default:
      // No type: a custom schema (bytes on the agent's wire) or z.unknown().
      return fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.anything());
  }
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? VALID_STRING_CAP, VALID_STRING_CAP));
  if (s.pattern) {
    const pattern = new RegExp(s.pattern);
    return fc.stringMatching(pattern).filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: "binary" });
}

function numberFor(s: JsonSchema): fc.Arbitrary<number> {
  const min = s.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
  if (s.type === "integer") {
    // Mostly small (offsets, counts), with the bounds themselves.
    return fc.oneof(fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1 << 20) }), fc.constantFrom(min, max));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectFor(s: JsonSchema, override?: FieldOverride): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(s.properties ?? {})) {
    const derived = fromJson(field, override);
    shape[key] = override?.(key, derived) ?? derived;
  }
  const known = fc.record(shape, { requiredKeys: s.required ?? [] });
  const extra = s.additionalProperties;
  if (typeof extra !== "object") return known;
  const keys = s.propertyNames ? (fromJson(s.propertyNames) as fc.Arbitrary<string>) : fc.string({ maxLength: 20 });
  const rest = fc.dictionary(keys, fromJson(extra, override), { maxKeys: 3 });
  return fc.tuple(known, rest).map(([k, r]) => ({ ...r, ...k }));
}
