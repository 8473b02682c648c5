// The e2e web server: a fresh, migrated SQLite database in a temp dir and the production build
// (run `next build` first) on 127.0.0.1:3210 (or CASEBOOK_E2E_PORT). Playwright starts it and stops it with SIGTERM.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BROKEN_PLAYBOOK } from "./broken-playbook";
import { CAPTURES_PLAYBOOK } from "./captures-playbook";
import { DANGER_PLAYBOOK } from "./danger-playbook";
import { LOOP_PLAYBOOK } from "./loop-playbook";
import { STREAM_PLAYBOOK } from "./stream-playbook";
import { E2E_HOST, E2E_PORT } from "./users";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-e2e-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, "casebook.db")}`,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CASEBOOK_LOCAL_AGENT: "0",
  HOST: E2E_HOST,
  PORT: String(E2E_PORT),
  // The parse cache in the throwaway folder too: the server uses it as in production.
  CASEBOOK_CONTENT_CACHE: path.join(dir, "parse-cache"),
  // A throwaway secret, so the run never writes data/auth-secret.
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  // Every spec signs in from 127.0.0.1; the production limit would throttle the suite.
  CASEBOOK_SIGN_IN_MAX: process.env.CASEBOOK_SIGN_IN_MAX ?? "200",
  CASEBOOK_LOCAL_AGENT_MAX_RISK: process.env.CASEBOOK_LOCAL_AGENT_MAX_RISK ?? "danger",
  // The `yes` flood reaches about 55 MB at the terminal's pace before its test cancels it, close
  // to the default 64 MB cap: a faster machine ended it at the cap instead ("Error", not "Cancelled").
  RUN_MAX_STEP_OUTPUT_MB: process.env.RUN_MAX_STEP_OUTPUT_MB ?? "1024",
});

// CASEBOOK_E2E_BROKEN_PLAYBOOK (on unless "0"): serve a copy of content/ plus one malformed playbook,
// a streaming fixture (e2e/support/stream-playbook.ts), a danger-step fixture (danger-playbook.ts),
// a captures fixture (captures-playbook.ts) and a check-and-fix loop (loop-playbook.ts).
if (process.env.CASEBOOK_E2E_BROKEN_PLAYBOOK !== "0") {
  const content = path.join(dir, "content");
  fs.cpSync(path.resolve("content"), content, { recursive: true });
  fs.writeFileSync(path.join(content, `${BROKEN_PLAYBOOK.slug}.mdx`), BROKEN_PLAYBOOK.source);
  fs.writeFileSync(path.join(content, `${STREAM_PLAYBOOK.slug}.mdx`), STREAM_PLAYBOOK.source);
  fs.writeFileSync(path.join(content, `${DANGER_PLAYBOOK.slug}.mdx`), DANGER_PLAYBOOK.source);
  fs.writeFileSync(path.join(content, `${CAPTURES_PLAYBOOK.slug}.mdx`), CAPTURES_PLAYBOOK.source);
  fs.writeFileSync(path.join(content, `${LOOP_PLAYBOOK.slug}.mdx`), LOOP_PLAYBOOK.source);
  process.env.CONTENT_DIR = content;
}

execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env: process.env });

const { startServer } = await import("../../server/index");
const server = await startServer({ host: E2E_HOST, port: E2E_PORT, dev: false });

// CASEBOOK_E2E_AGENT (on unless "0"): enrol this machine and run a real agent against the server,
// as `npm start` does, so specs can run steps. Its token file lives in the temp dir. It accepts danger
// steps (CASEBOOK_LOCAL_AGENT_MAX_RISK, default "danger" here) so e2e/danger.spec.ts can run one.
const { enrollLocalAgent } = await import("../../lib/hosts/local-agent");
const agent =
  process.env.CASEBOOK_E2E_AGENT === "0"
    ? null
    : await enrollLocalAgent({
        serverUrl: server.url,
        dataDir: dir,
        env: { ...process.env, CASEBOOK_LOCAL_AGENT: "1" },
      });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await agent?.stop();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
