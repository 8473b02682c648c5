// `prisma migrate deploy`, patient with other instances. On PostgreSQL, Prisma takes an advisory
// lock for the whole deploy and gives up after 10 s (P1002). Two instances started together then
// race: the second one exits 1 while the first is still migrating. Waiting for the lock is what the
// second one should do, so the deploy is retried while the error is that timeout and nothing else.
import { spawnSync } from "node:child_process";

const LOCK_TIMEOUT = /P1002|advisory lock/i;
/** Each attempt waits 10 s for the lock inside Prisma: 30 attempts is five minutes. */
export const MIGRATE_ATTEMPTS = 30;

export interface MigrateResult {
  ok: boolean;
  attempts: number;
  /** The last attempt's output (stdout and stderr), shown when it failed. */
  output: string;
}

const sayWaiting = (attempt: number, attempts: number) =>
  console.log(`Another instance is applying migrations; waiting for it (attempt ${attempt} of ${attempts})…`);

export function migrateDeploy(
  env: NodeJS.ProcessEnv = process.env,
  attempts = MIGRATE_ATTEMPTS,
  onWait: (attempt: number, attempts: number) => void = sayWaiting,
): MigrateResult {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { env, encoding: "utf8" });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    if (result.status === 0) return { ok: true, attempts: attempt, output };
    if (attempt >= attempts || !LOCK_TIMEOUT.test(output)) return { ok: false, attempts: attempt, output };
    onWait(attempt, attempts);
  }
}
