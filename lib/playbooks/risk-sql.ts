// What SQL given to a database client does, statement by statement, for the risk classifier. It reads
// keywords only: comments and string literals are skipped (a `'DROP'` in a string is text), and each
// statement is judged by its first word from the tables below, plus the few words that change what
// that word does (`EXPLAIN ANALYZE`, `ALTER … DROP`, `COPY … FROM`) and functions that act on the
// server (`pg_terminate_backend`). A statement it does not know is a change.
import type { Risk } from "./format";

export type SqlDialect = "postgres" | "mysql" | "sqlite";

export interface SqlFinding {
  risk: Risk;
  /** What runs, e.g. "DROP INDEX", "pg_terminate_backend()", "\\copy". */
  what: string;
  /** Why, e.g. "which deletes it for good". */
  why: string;
}

type Verdict = readonly [risk: Risk, why: string];
const READ: Verdict = ["read", ""];
/** A regex for whole names, each given as a regex fragment. */
const names = (...fragments: string[]) => new RegExp(`^(${fragments.join("|")})$`);

/** Statements by their first word; one not listed is a change the classifier does not know. */
const STATEMENTS: Readonly<Record<string, Verdict>> = {
  ...Object.fromEntries(
    [
      ...["SELECT", "SHOW", "EXPLAIN", "DESCRIBE", "DESC", "TABLE", "VALUES", "USE", "HELP", "PRAGMA", "WITH"],
      ...["BEGIN", "START", "COMMIT", "ROLLBACK", "END", "SAVEPOINT", "RELEASE", "CHECKSUM"],
    ].map((word) => [word, READ]),
  ),
  DROP: ["danger", "which deletes it for good"],
  TRUNCATE: ["danger", "which deletes every row for good"],
  DELETE: ["danger", "which deletes rows for good"],
  KILL: ["danger", "which ends another session and rolls back its work"],
  SHUTDOWN: ["danger", "which stops the database server"],
  PURGE: ["danger", "which deletes logs for good"],
  UPDATE: ["change", "which changes rows"],
  INSERT: ["change", "which adds rows"],
  REPLACE: ["change", "which adds or replaces rows"],
  MERGE: ["change", "which changes rows"],
  COPY: ["change", "which writes a file on the server"],
  CREATE: ["change", "which creates it"],
  ALTER: ["change", "which changes it"],
  GRANT: ["change", "which changes privileges"],
  REVOKE: ["change", "which changes privileges"],
  SET: ["change", "which changes a setting"],
  ...Object.fromEntries(
    ["VACUUM", "ANALYZE", "ANALYSE", "REINDEX", "CLUSTER", "OPTIMIZE", "REFRESH", "CHECKPOINT", "FLUSH"].map((word) => [
      word,
      ["change", "which rewrites or refreshes stored data"] as const,
    ]),
  ),
};

/** The words inside a statement that make it another statement (`WITH … DELETE`, `MERGE … THEN DELETE`). */
const WRITES_INSIDE = ["INSERT", "UPDATE", "DELETE"];

/** Server functions that do more than compute a value, wherever they are called. */
const FUNCTIONS: Readonly<Record<string, Verdict>> = {
  PG_TERMINATE_BACKEND: ["danger", "which ends those sessions and rolls back their work"],
  PG_DROP_REPLICATION_SLOT: ["danger", "which deletes a replication slot a replica may still need"],
  LO_UNLINK: ["danger", "which deletes a large object for good"],
  PG_CANCEL_BACKEND: ["change", "which cancels those sessions' running queries"],
  PG_RELOAD_CONF: ["change", "which reloads the server's settings"],
  PG_SWITCH_WAL: ["change", "which switches to a new WAL file"],
  PG_PROMOTE: ["change", "which promotes a standby to primary"],
  SET_CONFIG: ["change", "which changes a setting"],
  NEXTVAL: ["change", "which moves a sequence"],
  SETVAL: ["change", "which moves a sequence"],
  DBLINK_EXEC: ["change", "which runs SQL on another server"],
  LOAD_EXTENSION: ["change", "which loads code into the database"],
};

/** Words that name what a statement acts on, shown with its verb (`DROP INDEX`). */
const OBJECT_KINDS = new Set([
  ...["DATABASE", "TABLE", "INDEX", "SCHEMA", "USER", "ROLE", "VIEW", "MATERIALIZED", "FUNCTION", "PROCEDURE"],
  ...["EXTENSION", "SEQUENCE", "TYPE", "TRIGGER", "OWNED", "TABLESPACE", "PUBLICATION", "SUBSCRIPTION", "COLUMN"],
  ...["PARTITION", "CONSTRAINT", "SERVER", "DOMAIN", "POLICY", "RULE", "EVENT"],
]);

/** SQLite pragmas that take an argument in parentheses and only report. */
const QUERY_PRAGMAS = /^(table_x?info|index_x?info|index_list|foreign_key_list|foreign_key_check|integrity_check)$/i;
/** SQLite pragmas without a value that still change the file. */
const WRITING_PRAGMAS = /^(optimize|wal_checkpoint|incremental_vacuum)$/i;

/** Client commands (psql `\dt`, mysql `\G`, sqlite3 `.tables`): those that only show, and those that do more. */
const META: Readonly<Record<SqlDialect, { read: RegExp; readBare?: RegExp; change: Record<string, string> }>> = {
  postgres: {
    // \d… describes, \l lists, \x \pset \timing format, \c connects, \set sets a psql variable.
    read: names(
      ...["d\\w*", "l", "list", "lo_list", "conninfo", "x", "timing", "pset", "[aCfHtT]", "echo", "qecho", "warn"],
      ...["encoding", "errverbose", "s[fv]", "h", "help", "\\?", "set", "unset", "c", "connect", "q", "quit", "p"],
      ...["print", "r", "reset", "gdesc", "gset", "crosstabview", "if", "elif", "else", "endif", "getenv", "cd"],
    ),
    readBare: names("g", "gx", "o", "out", "s"),
    change: {
      "!": "which runs a shell command",
      o: "which writes query output to a file",
      out: "which writes query output to a file",
      g: "which writes the result to a file",
      gx: "which writes the result to a file",
      w: "which writes the query to a file",
      write: "which writes the query to a file",
      i: "which runs SQL from a file",
      include: "which runs SQL from a file",
      ir: "which runs SQL from a file",
      gexec: "which runs each value of the result as SQL",
    },
  },
  mysql: {
    read: /^[Gghcsuq?pWwtn]$/,
    change: {
      "!": "which runs a shell command",
      ".": "which runs SQL from a file",
      T: "which writes output to a file",
      P: "which pipes output through a program",
    },
  },
  sqlite: {
    read: names(
      ...["tables", "schema", "fullschema", "indexes", "indices", "databases", "dbinfo", "headers?", "mode", "show"],
      ...["help", "dump", "stats", "width", "nullvalue", "separator", "timer", "eqp", "explain", "lint", "print"],
      ...["echo", "bail", "changes", "version", "prompt", "timeout", "quit", "exit", "cd"],
    ),
    readBare: names("output"),
    change: {
      output: "which writes output to a file",
      once: "which writes output to a file",
      shell: "which runs a shell command",
      system: "which runs a shell command",
      import: "which loads rows from a file",
      read: "which runs SQL from a file",
      backup: "which writes a copy of the database to a file",
      save: "which writes a copy of the database to a file",
      load: "which loads code into the database",
      restore: "which replaces the database's contents with a backup",
    },
  },
};

interface Token {
  text: string;
  /** Upper case, for a bare word or number. */
  word?: string;
  /** Parentheses around it; a `(` or `)` counts as outside its own pair. */
  depth: number;
}

type Statement = { tokens: Token[] } | { meta: string; args: string };

/** What the SQL does besides reading, one finding per statement or call that is not read. */
export function sqlFindings(sql: string, dialect: SqlDialect): SqlFinding[] {
  return statements(sql, dialect).flatMap((s) =>
    "meta" in s ? metaFindings(s, dialect) : statementFindings(s.tokens),
  );
}

function statementFindings(tokens: Token[]): SqlFinding[] {
  const found: SqlFinding[] = [];
  const add = ([risk, why]: Verdict, what: string) => {
    if (risk !== "read") found.push({ risk, what, why });
  };
  tokens.forEach((t, i) => {
    const verdict = t.word !== undefined && tokens[i + 1]?.text === "(" ? FUNCTIONS[t.word] : undefined;
    if (verdict) add(verdict, `${t.text}()`);
  });
  const [first, second] = tokens;
  const verb = first?.word;
  if (verb === undefined) {
    if (first) add(["change", "which the classifier does not know to only read"], first.text);
    return found;
  }
  const label = second?.word && OBJECT_KINDS.has(second.word) ? `${verb} ${second.word}` : verb;
  const at = (word: string, from = 1) => tokens.findIndex((t, i) => i >= from && t.word === word);
  const topLevel = (word: string) => tokens.some((t) => t.depth === 0 && t.word === word);
  switch (verb) {
    case "EXPLAIN": {
      // EXPLAIN ANALYZE runs the statement it explains; plain EXPLAIN only plans it.
      const inner = tokens.findIndex((t, i) => i > 0 && t.word !== undefined && isStatementVerb(t.word));
      const analyse = tokens.slice(1, inner).some((t) => t.word === "ANALYZE" || t.word === "ANALYSE");
      if (analyse && inner > 0) found.push(...statementFindings(tokens.slice(inner)));
      return found;
    }
    case "WITH":
    case "MERGE":
      add(STATEMENTS[verb] as Verdict, label);
      for (const word of WRITES_INSIDE) if (at(word) > 0) add(STATEMENTS[word] as Verdict, `${verb} … ${word}`);
      return found;
    case "ALTER": {
      // `ALTER … DROP DEFAULT / NOT NULL / CONSTRAINT` drops a rule; any other DROP drops data.
      const drop = [at("DROP"), at("TRUNCATE")].find((i) => i > 0);
      const next = drop === undefined ? undefined : tokens[drop + 1]?.word;
      if (drop !== undefined && !["DEFAULT", "NOT", "CONSTRAINT"].includes(next ?? "")) {
        const kind = next && OBJECT_KINDS.has(next) ? ` ${next}` : "";
        add(["danger", "which deletes what it drops for good"], `${label} … ${tokens[drop]!.word}${kind}`);
      } else add(STATEMENTS.ALTER as Verdict, label);
      return found;
    }
    case "SELECT":
      if (topLevel("INTO")) add(["change", "which writes a new table or a file"], "SELECT … INTO");
      return found;
    case "COPY":
      add(copyVerdict(tokens.slice(1)), label);
      return found;
    case "KILL":
      if (second?.word === "QUERY") add(["change", "which cancels a running query"], "KILL QUERY");
      else add(STATEMENTS.KILL as Verdict, label);
      return found;
    case "PRAGMA": {
      const open = tokens.findIndex((t) => t.text === "(");
      const name = tokens[(open > 0 ? open : tokens.length) - 1]?.text ?? "";
      const sets = tokens.some((t) => t.text === "=") || (open > 0 && !QUERY_PRAGMAS.test(name));
      if (sets || WRITING_PRAGMAS.test(name)) add(["change", "which changes the database file or a setting"], label);
      return found;
    }
  }
  add(STATEMENTS[verb] ?? ["change", "which the classifier does not know to only read"], label);
  return found;
}

function isStatementVerb(word: string): boolean {
  return Object.hasOwn(STATEMENTS, word) && !["ANALYZE", "ANALYSE", "EXPLAIN"].includes(word);
}

/** `COPY … FROM` loads rows; `COPY … TO STDOUT` only prints; any other `TO` writes a file or runs a program. */
function copyVerdict(tokens: Token[]): Verdict {
  const top = tokens.filter((t) => t.depth === 0).map((t) => t.word);
  if (top.includes("FROM")) return ["change", "which loads rows into a table"];
  const to = top.indexOf("TO");
  if (to >= 0 && /^P?STDOUT$/.test(top[to + 1] ?? "")) return READ;
  if (to >= 0 && top[to + 1] === "PROGRAM") return ["change", "which runs a program on the server"];
  return ["change", "which writes a file"];
}

function metaFindings({ meta, args }: { meta: string; args: string }, dialect: SqlDialect): SqlFinding[] {
  const table = META[dialect];
  const prefix = dialect === "sqlite" ? "." : "\\";
  const name = dialect === "postgres" ? meta.replace(/(?<=.)[+S]+$/, "") : meta;
  if (dialect === "postgres" && name === "copy") {
    const [risk, why] = copyVerdict(statements(args, dialect).flatMap((s) => ("tokens" in s ? s.tokens : [])));
    return risk === "read" ? [] : [{ risk, what: `${prefix}copy`, why: why.replace(" on the server", "") }];
  }
  if (table.read.test(name) || (args.trim() === "" && table.readBare?.test(name))) return [];
  const why = table.change[name] ?? "which the classifier does not know to only read";
  return [{ risk: "change", what: `${prefix}${meta}`, why }];
}

/** The SQL cut into statements at `;`, and into client commands, without comments and string literals. */
function statements(sql: string, dialect: SqlDialect): Statement[] {
  const out: Statement[] = [];
  let tokens: Token[] = [];
  let depth = 0;
  const end = () => {
    if (tokens.length > 0) out.push({ tokens });
    tokens = [];
    depth = 0;
  };
  const lineEnd = (from: number) => (sql.indexOf("\n", from) < 0 ? sql.length : sql.indexOf("\n", from));
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const rest = sql.slice(i);
    if (/\s/.test(c)) i++;
    else if (rest.startsWith("--") || (dialect === "mysql" && c === "#")) i = lineEnd(i);
    else if (rest.startsWith("/*")) i = commentEnd(sql, i);
    else if (c === "'" || c === '"' || c === "`") {
      const escapes = dialect === "mysql" || (dialect === "postgres" && /(^|[^\w])[eE]$/.test(sql.slice(0, i)));
      i = quoteEnd(sql, i, escapes);
      tokens.push({ text: c, depth });
    } else if (dialect === "postgres" && /^\$(?:[A-Za-z_]\w*)?\$/.test(rest)) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(rest)![0];
      const close = sql.indexOf(tag, i + tag.length);
      i = close < 0 ? sql.length : close + tag.length;
      tokens.push({ text: "$$", depth });
    } else if (c === "\\" && dialect !== "sqlite") {
      end();
      i = metaCommand(sql, i, dialect, out);
    } else if (c === "." && dialect === "sqlite" && tokens.length === 0) {
      const [name = "", ...args] = sql
        .slice(i + 1, lineEnd(i))
        .trim()
        .split(/\s+/);
      out.push({ meta: name, args: args.join(" ") });
      i = lineEnd(i);
    } else if (c === ";") {
      end();
      i++;
    } else {
      const word = /^\w[\w$]*/.exec(rest)?.[0];
      if (word) tokens.push({ text: word, word: word.toUpperCase(), depth });
      else {
        if (c === ")") depth--;
        tokens.push({ text: c, depth });
        if (c === "(") depth++;
      }
      i += word?.length ?? 1;
    }
  }
  end();
  return out;
}

/** A client command at `at` (a backslash); returns where the SQL goes on. */
function metaCommand(sql: string, at: number, dialect: SqlDialect, out: Statement[]): number {
  if (dialect === "mysql") {
    // One letter; \G and \g only end the statement, the others take the rest of the line.
    const name = sql[at + 1] ?? "";
    if (name === "G" || name === "g") return at + 2;
    const eol = sql.indexOf("\n", at) < 0 ? sql.length : sql.indexOf("\n", at);
    out.push({ meta: name, args: sql.slice(at + 2, eol) });
    return eol;
  }
  // psql: a name, then arguments up to the end of the line or the next backslash (`\\` goes back to SQL).
  if (sql[at + 1] === "\\") return at + 2;
  const name = /^\\([A-Za-z_]+[+S]*|[!?])/.exec(sql.slice(at))?.[1] ?? sql[at + 1] ?? "";
  let end = at + 1 + name.length;
  while (end < sql.length && sql[end] !== "\n" && sql[end] !== "\\") end++;
  out.push({ meta: name, args: sql.slice(at + 1 + name.length, end) });
  return sql.startsWith("\\\\", end) ? end + 2 : end;
}

function quoteEnd(sql: string, start: number, escapes: boolean): number {
  const quote = sql[start];
  for (let i = start + 1; i < sql.length; i++) {
    if (escapes && sql[i] === "\\") i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i++;
    }
  }
  return sql.length;
}

/** The end of a block comment; PostgreSQL nests them. */
function commentEnd(sql: string, start: number): number {
  let depth = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql.startsWith("/*", i)) depth++;
    else if (sql.startsWith("*/", i)) depth--;
    else continue;
    if (depth === 0) return i + 2;
    i++;
  }
  return sql.length;
}
