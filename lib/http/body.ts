// Request bodies: read under a size limit, then (for JSON routes) parsed and checked by a schema.
import type * as z from "zod";
import { firstIssue, jsonError } from "./json-error";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type Checked<T> = { ok: true; value: T } | { ok: false; response: Response };

const refuse = (status: number, error: string): Checked<never> => ({ ok: false, response: jsonError(status, error) });
const tooLarge = () => refuse(413, `Request body over ${MAX_BODY_BYTES} bytes`);

/** The body as text, refusing one that declares or turns out to be over the limit. */
export async function readBody(req: Request): Promise<Checked<string>> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
  return { ok: true, value: text };
}

export interface JsonBody<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** What the body looks like, quoted back to a caller whose body is not JSON. */
  example: string;
  /** What a blank body stands for; without it, a blank body is refused as not JSON. */
  whenBlank?: z.input<S>;
}

export function jsonBody<S extends z.ZodType>(schema: S, example: string, whenBlank?: z.input<S>): JsonBody<S> {
  return { schema, example, whenBlank };
}

export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  spec: JsonBody<S>,
): Promise<Checked<z.output<S>>> {
  const body = await readBody(req);
  if (!body.ok) return body;
  let raw: unknown = spec.whenBlank;
  if (spec.whenBlank === undefined || body.value.trim() !== "") {
    try {
      raw = JSON.parse(body.value);
    } catch {
      return refuse(400, `The body must be JSON: ${spec.example}`);
    }
  }
  const parsed = spec.schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : refuse(400, firstIssue(parsed.error));
}
