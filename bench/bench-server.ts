// The server under benchmark: production build, a temp database and the generated content folder.
// The parent passes DATABASE_URL, CONTENT_DIR, HOST and PORT.
Object.assign(process.env, {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CASEBOOK_LOCAL_AGENT: "0",
  LOG_LEVEL: "warn",
});
const { startServer } = await import("../server/index");
const server = await startServer({ dev: false });
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
export {};
