// For fault tests: a PostgreSQL server of the test's own, in a temp dir on a free port, that the test
// may stop and restart at will (the shared one on 5432 serves other tests and must never be touched).
// Trust auth on 127.0.0.1 only; fsync off and initdb --no-sync, since its data is thrown away.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { migrateDeploy } from "@/scripts/lib/migrate";

const BIN = process.env.POSTGRES_BIN_DIR ?? "/usr/local/bin";
const MIGRATIONS = path.resolve(import.meta.dirname, "../prisma/postgres/migrations");

export interface PrivatePostgres {
  /** The `postgres` database as the `postgres` superuser. */
  url: string;
  port: number;
  /**
   * Stops the server (fast: clients are told, immediate: a crash) and starts it on the same port and
   * data, after `downMs` without a server.
   */
  restart(mode?: "fast" | "immediate", downMs?: number): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** With the app's migrations applied (from a data directory migrated once per set of migrations). */
  migrated?: boolean;
}

/** PostgreSQL refuses to run as root: when we are root, its programs run as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

export async function startPrivatePostgres({
  migrated = false,
}: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  return launch(migrated ? await migratedTemplate() : null);
}

interface Launched extends PrivatePostgres {
  data: string;
  /** A clean shutdown that keeps the files. */
  shutdown(): void;
}

/** A server on a copy of `template`, or on a new initdb cluster. */
async function launch(template: string | null): Promise<Launched> {
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-pg-"));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const run = (program: string, args: string[]) =>
    execFileSync(path.join(BIN, program), args, { ...user, cwd: dir, stdio: "pipe", encoding: "utf8" });

  if (template) fs.cpSync(template, data, { recursive: true, preserveTimestamps: true });
  else run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--no-instructions", "-E", "UTF8"]);
  if (template && user) chownTree(data, user);
  // Appended, so a copied template's settings (an earlier port and socket dir) are overridden.
  const settings = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`];
  fs.appendFileSync(path.join(data, "postgresql.conf"), [...settings, "fsync = off", ""].join("\n"));
  const start = () => {
    try {
      run("pg_ctl", ["start", "-D", data, "-w", "-t", "30", "-l", logFile]);
    } catch (err) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
      throw new Error(`private PostgreSQL did not start: ${String(err)}\n${log}`, { cause: err });
    }
  };
  const halt = (mode: "fast" | "immediate") => run("pg_ctl", ["stop", "-D", data, "-w", "-m", mode]);
  start();

  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    data,
    shutdown: () => halt("fast"),
    async restart(mode = "fast", downMs = 0) {
      halt(mode);
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    async stop() {
      try {
        halt("immediate");
      } catch {
        // Already stopped (a test stopped it, or it died): removing its files is what is left.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chownTree(dir: string, { uid, gid }: { uid: number; gid: number }): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    fs.lchownSync(path.join(dir, entry), uid, gid);
  }
}

/**
 * A cleanly shut down data directory with the migrations applied, made once per set of migrations
 * and copied for each server: `prisma migrate deploy` costs ~15 s here, a copy well under one.
 * Named by a hash of the migrations; built under a private name and renamed, so concurrent runs
 * never see half of one.
 */
async function migratedTemplate(): Promise<string> {
  const hash = createHash("sha256").update(execFileSync(path.join(BIN, "postgres"), ["--version"]));
  for (const file of fs.readdirSync(MIGRATIONS, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(MIGRATIONS, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const template = path.join(os.tmpdir(), `casebook-pg-migrated-${hash.digest("hex").slice(0, 16)}`);
  if (fs.existsSync(template)) return template;
  const building = await launch(null);
  try {
    const result = migrateDeploy({ ...process.env, DATABASE_URL: building.url }, 1);
    if (!result.ok) throw new Error(`migrating the private PostgreSQL failed:\n${result.output}`);
    building.shutdown(); // a clean checkpoint: a copy starts without crash recovery
    const copy = `${template}.${process.pid}.building`;
    fs.cpSync(building.data, copy, { recursive: true, preserveTimestamps: true });
    fs.renameSync(copy, template);
  } finally {
    await building.stop();
  }
  return template;
}
