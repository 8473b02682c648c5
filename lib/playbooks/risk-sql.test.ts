import { describe, expect, it } from "vitest";
import { RISKS, type Risk } from "./format";
import { sqlFindings, type SqlDialect } from "./risk-sql";

/** The highest risk of the SQL, and what the finding that gives it names. */
function top(sql: string, dialect: SqlDialect = "postgres"): [Risk, string?] {
  const findings = sqlFindings(sql, dialect).sort((a, b) => RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk));
  return findings[0] ? [findings[0].risk, findings[0].what] : ["read"];
}

describe("sqlFindings", () => {
  it.each<[string, SqlDialect, Risk, string?]>([
    ["SELECT * FROM pg_stat_activity", "postgres", "read"],
    ["select 1; show work_mem; explain select 2;", "postgres", "read"],
    ["\\dt+ \\\\ SELECT 1", "postgres", "read"],
    ["\\x\n\\l", "postgres", "read"],
    ["SHOW ENGINE INNODB STATUS\\G", "mysql", "read"],
    ["DESCRIBE orders; USE app", "mysql", "read"],
    [".schema users", "sqlite", "read"],
    ["PRAGMA foreign_key_check", "sqlite", "read"],
    ["TABLE orders", "postgres", "read"],
    ["COPY orders TO STDOUT WITH CSV", "postgres", "read"],
    ["BEGIN; SELECT 1; COMMIT;", "postgres", "read"],
    ["DrOp TaBlE x", "postgres", "danger", "DROP TABLE"],
    ["drop schema if exists old cascade", "postgres", "danger", "DROP SCHEMA"],
    ["DROP USER 'app'@'%'", "mysql", "danger", "DROP USER"],
    ["TRUNCATE sessions", "postgres", "danger", "TRUNCATE"],
    ["SELECT 1; DELETE FROM t", "sqlite", "danger", "DELETE"],
    ["MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "postgres", "danger", "MERGE … DELETE"],
    ["ALTER TABLE t DROP PARTITION p2023", "mysql", "danger", "ALTER TABLE … DROP PARTITION"],
    ["SELECT pg_drop_replication_slot('old')", "postgres", "danger", "pg_drop_replication_slot()"],
    ["KILL CONNECTION 42", "mysql", "danger", "KILL"],
    ["ALTER TABLE t ALTER COLUMN c DROP DEFAULT", "postgres", "change", "ALTER TABLE"],
    ["ALTER TABLE t ADD COLUMN c int", "postgres", "change", "ALTER TABLE"],
    ["INSERT INTO t VALUES ('DROP TABLE t')", "postgres", "change", "INSERT"],
    ["UPDATE t SET note = 'it''s a DELETE'", "postgres", "change", "UPDATE"],
    ["UPDATE t SET note = 'it\\'s a DELETE'", "mysql", "change", "UPDATE"],
    ["UPDATE t SET note = E'it\\'s a DELETE'", "postgres", "change", "UPDATE"],
    ["SELECT $$ DROP TABLE x $$", "postgres", "read"],
    ["SELECT 1 /* DROP /* nested */ TABLE x */", "postgres", "read"],
    ["SELECT 1 -- ; DROP TABLE x", "postgres", "read"],
    ["SELECT 1 # ; DROP TABLE x", "mysql", "read"],
    ["SELECT * INTO OUTFILE '/tmp/x' FROM t", "mysql", "change", "SELECT … INTO"],
    ["SELECT setval('orders_id_seq', 100)", "postgres", "change", "setval()"],
    ["PRAGMA user_version = 3", "sqlite", "change", "PRAGMA"],
    ["PRAGMA optimize", "sqlite", "change", "PRAGMA"],
    ["COPY t TO PROGRAM 'gzip > /tmp/t.gz'", "postgres", "change", "COPY"],
    ["\\! rm -rf /tmp/x", "postgres", "change", "\\!"],
    ["\\i fix.sql", "postgres", "change", "\\i"],
    ["\\. fix.sql", "mysql", "change", "\\."],
    [".output /tmp/out.txt", "sqlite", "change", ".output"],
    ["GRANT SELECT ON ALL TABLES IN SCHEMA public TO ro", "postgres", "change", "GRANT"],
    ["frobnicate everything", "postgres", "change", "FROBNICATE"],
  ])("%s (%s): %s", (sql, dialect, risk, what) => {
    const [gotRisk, gotWhat] = top(sql, dialect);
    expect(gotRisk).toBe(risk);
    if (what) expect(gotWhat).toBe(what);
  });

  it("gives one finding per statement that is not read, with why", () => {
    expect(sqlFindings("SELECT 1; DROP INDEX i; UPDATE t SET a = 1", "postgres")).toEqual([
      { risk: "danger", what: "DROP INDEX", why: "which deletes it for good" },
      { risk: "change", what: "UPDATE", why: "which changes rows" },
    ]);
  });
});
