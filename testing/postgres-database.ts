// For tests: a fresh PostgreSQL database on 127.0.0.1 (POSTGRES_ADMIN_URL to point elsewhere),
// dropped with every connection to it when the test is done. `.ci/run` starts the server.
import pg from "pg";

const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface PostgresDatabase {
  url: string;
  remove(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(prefix: string): Promise<PostgresDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    remove: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
