// The OpenAPI 3.1 document, derived from what route() enforces: each handler's spec (role, params,
// query, body) and its doc (summary, response) become one operation, every schema converted by
// zod 4's own z.toJSONSchema. There is no second copy of any schema to drift from the code.
// Answers are converted together through one registry, so the shared views (RunView...) are
// components referenced by $ref rather than repeated in every operation.
import * as z from "zod";
import type { Access } from "@/lib/auth/request-user";
import { routeSpecOf, type RawResponse, type RouteDoc } from "./route";

/** A handler and where Next serves it (the route file, relative to app/). */
export interface ApiRoute {
  file: string;
  method: string;
  handler: unknown;
}

type Json = Record<string, unknown>;

const errorSchema = z.object({ error: z.string().describe("Why, in words.") }).loose();

/** Two ways in; a bearer token is an API token (Settings → API tokens), the cookie a browser's session. */
export const SECURITY_SCHEMES = {
  bearer: { type: "http", scheme: "bearer", description: "An API token: `Authorization: Bearer <token>`." },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "casebook.session_token",
    description:
      "A signed-in browser's session cookie (`__Secure-` prefixed over https); " +
      "writes must also send this site's Origin.",
  },
} as const;

/** `api/runs/[id]/route.ts` → `/api/runs/{id}`. */
export function openApiPath(file: string): string {
  const dir = file.split(/[\\/]/).slice(0, -1);
  return `/${dir.map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  return bare(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json);
}

function bare(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Each property of an object schema as one parameter `in` the path or the query. */
function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const required = where === "path" || (object.required ?? []).includes(name);
    return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
  });
}

const isRaw = (response: RouteDoc["response"]): response is RawResponse => !(response instanceof z.ZodType);

const componentRef = (id: string) => `#/components/schemas/${id}`;

/** Every operation's answer and the shared views, converted at once: answers refer to the views. */
class Answers {
  private readonly registry = z.registry<{ id: string }>();
  private converted: Record<string, Json> | undefined;

  constructor(private readonly shared: Record<string, z.ZodType>) {
    for (const [id, schema] of Object.entries(shared)) this.registry.add(schema, { id });
  }

  /** The id an answer's schema is converted under (once per schema object). */
  add(id: string, schema: z.ZodType): string {
    const known = this.registry.get(schema)?.id;
    if (known) return known;
    this.registry.add(schema, { id });
    return id;
  }

  private all(): Record<string, Json> {
    const params = { io: "output" as const, unrepresentable: "any" as const, uri: componentRef };
    return (this.converted ??= z.toJSONSchema(this.registry, params).schemas as Record<string, Json>);
  }

  schema(id: string): Json {
    const schema = this.all()[id];
    if (!schema) throw new Error(`no converted schema ${id}`);
    return id in this.shared ? { $ref: componentRef(id) } : bare(schema);
  }

  components(): Record<string, Json> {
    const all = this.all();
    return Object.fromEntries(Object.keys(this.shared).map((id) => [id, bare(all[id] ?? {})]));
  }
}

function content(response: RouteDoc["response"], answer: string | null, answers: Answers): Json {
  const schema = answer ? answers.schema(answer) : { type: "string" };
  if (!isRaw(response)) return { description: "OK", content: { "application/json": { schema } } };
  return { description: response.description, content: { [response.contentType]: { schema } } };
}

const errors = (access: Access): Json => {
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: componentRef("Error") } } },
  });
  const auth = access === "public" ? {} : { 401: error("Not signed in."), 403: error("Not allowed, and why.") };
  return { 400: error("Bad input: the reason names the field."), ...auth, 404: error("Not found.") };
};

function operationId(route: ApiRoute): string {
  const words = openApiPath(route.file).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) =>
    (c ?? "").toUpperCase(),
  );
  return `${route.method.toLowerCase()}${words}`;
}

function operation(route: ApiRoute, answers: Answers): () => Json {
  const spec = routeSpecOf(route.handler);
  if (!spec?.doc) throw new Error(`${route.file} ${route.method} has no doc in its route() spec`);
  const { doc, role } = spec;
  const id = operationId(route);
  const answerSchema = isRaw(doc.response) ? doc.response.schema : doc.response;
  const answer = answerSchema ? answers.add(`${id}Response`, answerSchema) : null;
  const body = spec.body
    ? {
        required: spec.body.whenBlank === undefined,
        content: { "application/json": { schema: jsonSchema(spec.body.schema, "input") } },
      }
    : doc.rawBody
      ? {
          required: true,
          description: doc.rawBody.description,
          content: { [doc.rawBody.contentType]: { schema: { type: "string" } } },
        }
      : undefined;
  // Answers are converted once all are registered: what is returned is called after that.
  return () => ({
    operationId: id,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [openApiPath(route.file).split("/")[2] ?? "api"],
    "x-casebook-role": role,
    security: role === "public" ? [] : [{ bearer: [] }, { session: [] }],
    parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query")],
    ...(body ? { requestBody: body } : {}),
    responses: { [doc.status ?? 200]: content(doc.response, answer, answers), ...errors(role) },
  });
}

/**
 * The document for `routes`; `shared` names views that several answers hold (components, by
 * $ref). An error answer is always `Error`.
 */
export function openApiDocument(routes: ApiRoute[], version: string, shared: Record<string, z.ZodType> = {}): Json {
  const answers = new Answers({ ...shared, Error: errorSchema });
  const pending = [...routes]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((route) => ({ route, build: operation(route, answers) }));
  const paths: Record<string, Record<string, Json>> = {};
  for (const { route, build } of pending) (paths[openApiPath(route.file)] ??= {})[route.method.toLowerCase()] = build();
  return {
    openapi: "3.1.0",
    info: {
      title: "Casebook API",
      version,
      description: "Everything a person does in Casebook, over HTTP. See docs/api.md and /help/api.",
    },
    paths,
    components: { schemas: answers.components(), securitySchemes: SECURITY_SCHEMES },
  };
}
