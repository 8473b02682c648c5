// The API reference: the OpenAPI document (app/api/openapi.json/api-document.ts) as a page, server
// rendered, no scripts. Each operation with its method, path, who may call it, its parameters, its
// body and its answer; schemas as JSON, folded, with the shared ones listed once at the end.
import styles from "./api-reference.module.css";

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Json;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  "x-casebook-role": string;
  parameters: Parameter[];
  requestBody?: { description?: string; content: Record<string, { schema: Json }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

/** A parameter's type in a few words: `string`, `"0" | "1"`, `integer ≤ 60`. */
function typeOf(schema: Json): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const type = typeof schema.type === "string" ? schema.type : "any";
  const bound = typeof schema.maximum === "number" ? ` ≤ ${schema.maximum}` : "";
  const fallback = schema.default !== undefined ? `, default ${JSON.stringify(schema.default)}` : "";
  return `${type}${bound}${fallback}`;
}

function Schema({ label, schema }: { label: string; schema: Json }) {
  return (
    <details className={styles.schema}>
      <summary>{label}</summary>
      <pre>{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const body = op.requestBody && Object.entries(op.requestBody.content)[0];
  return (
    <section className={styles.operation} id={op.operationId}>
      <h3 className={styles.title}>
        <span className={styles.method}>{method.toUpperCase()}</span>
        <code className={styles.path}>{path}</code>
      </h3>
      <p>
        {op.summary}. <span className={styles.role}>Role: {op["x-casebook-role"]}.</span>
      </p>
      {op.description && <p className={styles.note}>{op.description}</p>}
      {op.parameters.length > 0 && (
        <div className="table-scroll">
          <table className={styles.params}>
            <thead>
              <tr>
                <th>Parameter</th>
                <th>In</th>
                <th>Type</th>
                <th>About</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`}>
                  <td>
                    <code>{p.name}</code>
                    {p.required ? " (required)" : ""}
                  </td>
                  <td>{p.in}</td>
                  <td>{typeOf(p.schema)}</td>
                  <td>{p.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {body && (
        <Schema
          label={`Body (${body[0]})${op.requestBody?.description ? `: ${op.requestBody.description}` : ""}`}
          schema={body[1].schema}
        />
      )}
      {success && (
        <Schema
          label={`Answer ${success[0]} (${Object.keys(success[1].content ?? {}).join(", ") || "empty"})`}
          schema={Object.values(success[1].content ?? {})[0]?.schema ?? {}}
        />
      )}
    </section>
  );
}

export function ApiReference({ document }: { document: Record<string, unknown> }) {
  const doc = document as unknown as Document;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags[0] ?? "api";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return (
    <div className={styles.reference}>
      <h2 id="reference">Reference</h2>
      <p>
        Every operation of <a href="/api/openapi.json">/api/openapi.json</a>. Each takes an API token (
        <code>Authorization: Bearer</code>) or a session cookie, unless it says role public. Every refusal is{" "}
        <code>{'{ "error": "…" }'}</code> with a 4xx status.
      </p>
      {[...byTag.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([tag, ops]) => (
          <div key={tag}>
            <h3 className={styles.tag} id={`tag-${tag}`}>
              {tag}
            </h3>
            {ops.map((o) => (
              <OperationView key={`${o.method} ${o.path}`} {...o} />
            ))}
          </div>
        ))}
      <h3 id="schemas">Shared schemas</h3>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <div key={name} id={`schema-${name}`}>
          <Schema label={name} schema={schema} />
        </div>
      ))}
    </div>
  );
}
