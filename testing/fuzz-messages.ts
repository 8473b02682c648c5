// Generated socket messages for the hub's fuzz test (server/hub/hub-fuzz.test.ts), derived from the
// protocol tables: every event in UI_COMMANDS (/ui) and AGENT_TO_SERVER (/agent) is sent, with a
// payload that fits its schema, one mutated out of it (a field dropped, added, wrongly typed or
// oversized), or anything at all; plus unknown events and raw packets. Ids and offsets are drawn
// from what the test knows at send time (other users' runs, another host's step, the bytes a step
// has so far) through references resolved when the message goes out, so a sequence stays
// reproducible from its seed while the ids it names are real.
import fc from "fast-check";
import type { z } from "zod";
import { AGENT_TO_SERVER } from "@/agent/src/protocol";
import { UI_COMMANDS, type UiEvent } from "@/lib/runs/protocol";
import { arbitraryFor, type FieldOverride } from "./schema-arbitrary";

/** An id or an offset, picked from what the test knows when the message is sent. */
export class Ref {
  constructor(
    readonly kind: "id" | "offset",
    readonly pick: number,
    readonly delta: number,
  ) {}

  toString() {
    return `Ref(${this.kind},${this.pick},${this.delta})`;
  }
}

/** A string of this many bytes, made when sent (a shrunk counterexample stays readable). */
export class Big {
  constructor(readonly length: number) {}

  toString() {
    return `Big(${this.length})`;
  }
}

/** What references resolve against: real ids of all kinds, and offsets that matter right now. */
export interface SendContext {
  ids: readonly string[];
  offsets: readonly number[];
}

export interface FuzzMessage {
  event: string;
  payload: unknown;
  /** Sent with an acknowledgement callback. */
  ack: boolean;
  /** How many times in a row it is sent (replays). */
  times: number;
}

/** A packet written to the connection as is, below socket.io's encoder. */
export interface RawPacket {
  raw: string;
}

export type FuzzItem = FuzzMessage | RawPacket;

const ID_KEY = /Id$/;

const idRef = fc.nat().map((pick) => new Ref("id", pick, 0));
const offsetRef = fc
  .tuple(
    fc.nat(),
    fc.oneof(
      fc.integer({ min: -4, max: 4 }),
      fc.integer({ min: -70_000, max: 70_000 }),
      fc.constantFrom(16 * 1024 * 1024, 2 ** 31),
    ),
  )
  .map(([pick, delta]) => new Ref("offset", pick, delta));

/** Ids and offsets mostly name real things; the derived value (any valid string) stays possible. */
const realFields: FieldOverride = (key, derived) => {
  if (ID_KEY.test(key)) return fc.oneof({ weight: 4, arbitrary: idRef }, { weight: 1, arbitrary: derived });
  if (key === "offset") return fc.oneof({ weight: 4, arbitrary: offsetRef }, { weight: 1, arbitrary: derived });
  return undefined;
};

const oddValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, [], {}, true, "", -1, 0.5, -0, 2 ** 53 + 2, 1e308, Number.MAX_SAFE_INTEGER),
  fc.uint8Array({ maxLength: 64 }),
);
const unknownKey = fc.oneof(
  fc.constantFrom("command", "__proto__", "constructor", "role", "userId", "code"),
  fc.string(),
);
const oversized = fc.integer({ min: 1000, max: 300_000 }).map((n) => new Big(n));

type Mutation =
  | { op: "drop"; pick: number }
  | { op: "add"; key: string; value: unknown }
  | { op: "retype"; pick: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("add" as const), key: unknownKey, value: fc.oneof(oddValue, fc.constant("rm -rf /")) }),
  fc.record({ op: fc.constant("retype" as const), pick: fc.nat(), value: fc.oneof(oddValue, oversized) }),
);

function mutate(valid: unknown, m: Mutation): unknown {
  if (typeof valid !== "object" || valid === null || valid instanceof Uint8Array) return valid;
  const entries = Object.entries(valid);
  if (m.op === "add") return Object.fromEntries([...entries, [m.key, m.value]]); // own "__proto__" too
  if (entries.length === 0) return valid;
  const at = m.pick % entries.length;
  if (m.op === "drop") return Object.fromEntries(entries.filter((_, i) => i !== at));
  return Object.fromEntries(entries.map(([k, v], i) => [k, i === at ? m.value : v]));
}

/** A payload for `schema`: valid, mutated out of it, or anything. */
export function payloadFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(schema, realFields);
  const mutated = fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([v, mutations]) => mutations.reduce(mutate, v));
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: oddValue },
  );
}

const times = fc.oneof(
  { weight: 8, arbitrary: fc.constant(1) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }) },
);

/** Names no table has, some of them special to JavaScript or to socket.io. */
const unknownEvent = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "error", "step.start", "run.state"),
  fc.string({ minLength: 1, maxLength: 30 }),
);

interface EventWeights {
  /** How often the event is picked, relative to the others (default 1). */
  pick?: (event: string) => number;
  /** Of ten messages of the event, how many carry an acknowledgement callback. */
  ack: (event: string) => number;
}

function messagesFor(table: Record<string, z.ZodType>, weights: EventWeights): fc.Arbitrary<FuzzMessage> {
  const events = Object.keys(table).map((event) => ({
    weight: weights.pick?.(event) ?? 1,
    arbitrary: fc.constant(event),
  }));
  // Built once per event: deriving from the schema is not free.
  const payloads = new Map(Object.entries(table).map(([event, schema]) => [event, payloadFor(schema)]));
  const known = fc.oneof(...events).chain((event) =>
    fc.record({
      event: fc.constant(event),
      payload: payloads.get(event)!,
      ack: fc.integer({ min: 0, max: 9 }).map((n) => n < weights.ack(event)),
      times,
    }),
  );
  const unknown = fc.record({ event: unknownEvent, payload: oddValue, ack: fc.boolean(), times });
  return fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: unknown });
}

/** Junk, or an event packet socket.io's client would refuse to send (reserved and numeric names). */
function rawPacket(namespace: string): fc.Arbitrary<RawPacket> {
  const name = fc.oneof(
    fc.constantFrom("disconnect", "connect", "disconnecting", "newListener", "removeListener"),
    fc.integer({ min: -1, max: 1e6 }),
  );
  const packet = fc
    .tuple(name, fc.jsonValue(), fc.option(fc.nat({ max: 1e6 })))
    .map(([n, p, id]) => `2${namespace},${id ?? ""}${JSON.stringify([n, p])}`); // 2: socket.io's EVENT
  const junk = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom("2", `2${namespace},`, `5-${namespace},[]`, `3${namespace},1[]`),
  );
  return fc.oneof(packet, junk).map((raw) => ({ raw }));
}

/** A /ui event sent without an acknowledgement (UI_COMMANDS: reply null). */
export const isUiSignal = (event: string) =>
  Object.hasOwn(UI_COMMANDS, event) && UI_COMMANDS[event as UiEvent].reply === null;

const UI_PAYLOADS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries(UI_COMMANDS).map(([event, command]) => [event, command.payload]),
);

/** /ui: commands mostly with their acknowledgement, signals mostly without. */
export const uiItem: fc.Arbitrary<FuzzMessage> = messagesFor(UI_PAYLOADS, { ack: (e) => (isUiSignal(e) ? 1 : 9) });

/** /agent: what an agent sends, output most of all. */
export const agentItem: fc.Arbitrary<FuzzMessage> = messagesFor(AGENT_TO_SERVER, {
  pick: (e) => (e === "step.output" ? 8 : 1),
  ack: (e) => (e === "hello" || e === "step.exit" ? 8 : 1),
});

/**
 * What ends a connection on the spot (a packet past socket.io's 1 MB limit, or one its parser
 * refuses), or a raw packet it lets through: the last message of a session, so the rest of the
 * session is not wasted on a closed socket.
 */
export function lastItem(item: fc.Arbitrary<FuzzMessage>, namespace: string): fc.Arbitrary<FuzzItem> {
  const oversized = item.map((m) => ({ ...m, payload: new Big(1024 * 1024 + 1), times: 1 }));
  return fc.oneof(oversized, rawPacket(namespace));
}

/** Bytes of the oversized strings in a message, each time it is sent (floods of them are capped). */
export function bigBytes(item: FuzzItem): number {
  if ("raw" in item) return item.raw.length;
  const walk = (v: unknown): number => {
    if (v instanceof Big) return v.length;
    if (v instanceof Uint8Array || typeof v !== "object" || v === null) return 0;
    return Object.values(v).reduce((sum: number, x) => sum + walk(x), 0);
  };
  return walk(item.payload) * item.times;
}

/** Replaces references with real ids and offsets, and Big with its string. */
export function resolve(value: unknown, ctx: SendContext): unknown {
  if (value instanceof Ref) {
    if (value.kind === "id") return ctx.ids[value.pick % ctx.ids.length];
    return Math.max(0, (ctx.offsets[value.pick % ctx.offsets.length] ?? 0) + value.delta);
  }
  if (value instanceof Big) return "x".repeat(value.length);
  if (value instanceof Uint8Array || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ctx)]));
}
