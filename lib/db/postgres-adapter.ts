// No `import "server-only"` here: the Prisma CLI loads this module through prisma.config.ts, outside
// any of our runners. Its one app importer, lib/db/client.ts, carries the marker.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { log } from "../log";

const PG_NAME = 19;
const PG_TEXT = 25;

// Prisma's pg adapter cannot map PostgreSQL's internal `name` type, which catalog queries made by
// the schema engine return (prisma/orm#27403). Reporting those columns as text is exact: `name`
// is a 63-byte string.
function nameColumnsAsText<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  for (const field of fields ?? []) if (field.dataTypeID === PG_NAME) field.dataTypeID = PG_TEXT;
  return result;
}

class NameAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg-pool listens for "error" only while a client is idle. One the server ends while it is lent
    // out (to a transaction, between its queries) would emit it unheard and crash the process. Its
    // queries fail on their own, and the pool drops it when it comes back, as it is not queryable.
    this.on("error", (err) => {
      if (this.listenerCount("error") === 1) log.warn({ err: err.message }, "a PostgreSQL connection in use closed");
    });
  }

  // pg's query() has many overloads, and Pool.query uses the callback form: forward every call
  // untouched and only post-process the result.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, result: unknown) => last(err, nameColumnsAsText(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then(nameColumnsAsText) as never;
    return result as never;
  }
}

/** The pool behind Prisma's adapter; exported for its test. */
export function createPostgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    Client: NameAsTextClient,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Prisma's $disconnect does not end a pool it was handed: idle connections would keep a script
    // (an import, a migration check) alive for pg's 10 s idle timeout after its work is done.
    allowExitOnIdle: true,
  });
  // An idle pooled connection that the server closes (a restart, a failover, an admin's
  // pg_terminate_backend) emits "error" on the pool; unheard, that would crash the process. The
  // pool drops the client and the next query opens a new one.
  pool.on("error", (err) => log.warn({ err: err.message }, "an idle PostgreSQL connection closed"));
  return pool;
}

export function createPostgresAdapter(connectionString: string): PrismaPg {
  return new PrismaPg(createPostgresPool(connectionString));
}
