// For tests of "nothing half-saved": a trigger that makes the database itself refuse some writes,
// in the dialect of the test database (SQLite, or PostgreSQL under the PostgreSQL project).
import { isPostgres } from "@/lib/db/url";

interface Raw {
  $executeRawUnsafe(sql: string): Promise<unknown>;
}

/**
 * Refuses `event` ("INSERT", "UPDATE OF status") on `table` for rows where `when` holds (SQL over
 * NEW, the same in both dialects for lowercase columns). Resolves with what drops the trigger.
 */
export async function refuseWrites(
  db: Raw,
  name: string,
  { table, event, when }: { table: string; event: string; when: string },
): Promise<() => Promise<void>> {
  if (!isPostgres(process.env.DATABASE_URL ?? "")) {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" WHEN ${when} ` +
        `BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}
