// The server under benchmark: production build, a temp database and the generated content folder.
// The parent passes DATABASE_URL, CONTENT_DIR, HOST and PORT.
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CASEBOOK_LOCAL_AGENT = "0";
process.env.LOG_LEVEL = "warn";
const { startServer } = await import("../server/index");
const server = await startServer({ dev: false });
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
