// `npm run bench`: content index build and server render time on 1,000 generated playbooks
// (BENCH_PLAYBOOKS), search over BENCH_SEARCH_PLAYBOOKS (default 20,000; bench/lib/search-bench.ts),
// and the content plus search index build of BENCH_SCALE_PLAYBOOKS (20,000; 0 to skip) in a process
// of its own, for its peak memory. Writes its figures to docs/benchmarks.md. Needs a production
// build (`npx next build`).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generatePlaybooks, playbookSource } from "./generate-playbooks";
import { searchBench, SEARCH_PLAYBOOKS, writeSearchCorpus } from "./lib/search-bench";
import { ms, percentile } from "./lib/stats";
import { writeBenchmarkSection } from "./lib/report";

const COUNT = Number(process.env.BENCH_PLAYBOOKS ?? 1000);
const SCALE_COUNT = Number(process.env.BENCH_SCALE_PLAYBOOKS ?? 20_000);
const PORT = 3290;
const BASE = `http://127.0.0.1:${PORT}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-bench-"));
const contentDir = path.join(work, "content");
const databaseUrl = `file:${path.join(work, "casebook.db")}`;
Object.assign(process.env, {
  CONTENT_DIR: contentDir,
  DATABASE_URL: databaseUrl,
  CASEBOOK_CONTENT_CACHE: path.join(work, "parse-cache", "server"),
  LOG_LEVEL: "error",
  BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
});

generatePlaybooks(contentDir, COUNT);
const { buildContentIndex } = await import("../lib/playbooks/content-index");
const { createSearchIndex } = await import("../lib/search");

// 1. Content index, as the server builds it (with its disk parse cache): three first starts, each
// on an empty cache, then three restarts with the files unchanged.
const { openDiskParseCache } = await import("../lib/playbooks/disk-parse-cache");
const cacheRoot = (round: string) => path.join(work, "parse-cache", round);
// Timed until the index is served; the cache's writes finish afterwards, untimed, as on the server.
const timeBuild = async (root: string) => {
  const disk = openDiskParseCache(contentDir, { root });
  const t0 = performance.now();
  const built = await buildContentIndex(contentDir, { disk });
  const ms = performance.now() - t0;
  await disk?.settled();
  return { ms, built };
};
const buildTimes: number[] = [];
const restartTimes: number[] = [];
let index = (await timeBuild(cacheRoot("warm-up"))).built; // the JIT's warm-up
for (let i = 0; i < 3; i++) buildTimes.push((await timeBuild(cacheRoot(`first-${i}`))).ms);
for (let i = 0; i < 3; i++) {
  const restart = await timeBuild(cacheRoot("first-0"));
  restartTimes.push(restart.ms);
  index = restart.built;
}
if (index.playbooks.size !== COUNT)
  throw new Error(`expected ${COUNT} playbooks, indexed ${index.playbooks.size} (${index.broken.size} broken)`);

// 1b. Content and search index at scale, in a child process (its peak RSS is the build's own).
const scale = SCALE_COUNT > 0 ? buildAtScale(SCALE_COUNT) : undefined;

// 2. Search over its own, larger corpus (the generated playbooks plus the seeds).
const searchDir = path.join(work, "search-content");
writeSearchCorpus(searchDir);
console.log(`indexing ${SEARCH_PLAYBOOKS} playbooks for search…`);
const searchContentStart = performance.now();
const searchContent = await buildContentIndex(searchDir);
const searchContentBuild = performance.now() - searchContentStart;
const search = searchBench(
  (docs) => createSearchIndex(docs),
  [...searchContent.playbooks.values()],
  searchContentBuild,
);

// 3. Server render over HTTP on localhost.
console.log("migrating the bench database and starting the server…");
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
// BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=bench/out/profile" profiles the server under test.
const serverFlags = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
const serverArgs = [
  ...serverFlags,
  "--import",
  "tsx",
  "--import",
  "./server/server-only-hook.mjs",
  "bench/bench-server.ts",
];
const server = spawn(process.execPath, serverArgs, {
  env: { ...process.env, HOST: "127.0.0.1", PORT: String(PORT) },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", stopServer);
await waitForHealth(`${BASE}/api/health`, 120_000);
const { createFirstAdmin } = await import("../lib/auth/first-admin");
const admin = { name: "Bench", email: "bench@example.test", password: "bench-password-123" };
const created = await createFirstAdmin(admin, { remoteAddr: "127.0.0.1", token: null });
if (!created.ok) throw new Error(`could not create the bench user: ${created.message}`);
const cookie = await signIn(admin.email, admin.password);

async function timePage(slug: string): Promise<number> {
  const s = performance.now();
  const res = await fetch(`${BASE}/playbooks/${slug}`, { headers: { cookie } });
  const html = await res.text();
  const elapsed = performance.now() - s;
  if (res.status !== 200 || !html.includes("Synthetic playbook"))
    throw new Error(`GET /playbooks/${slug}: ${res.status}`);
  return elapsed;
}
const slugs = [...index.playbooks.values()].map((p) => p.slug);
for (let i = 0; i < 5; i++) await timePage(slugs[0]!); // warm the route itself
const cold: number[] = [];
for (const slug of slugs.slice(1, 201)) cold.push(await timePage(slug)); // first render: MDX compiled
const warm: number[] = [];
for (let i = 0; i < 200; i++) warm.push(await timePage(slugs[1 + (i % 200)]!)); // compiled MDX cached
stopServer();

const median = (xs: number[]) => percentile(xs, 50);
const rows = [
  [
    `building the content index (${COUNT.toLocaleString("en")} files)`,
    "under 3 s",
    `first start ${ms(median(buildTimes))} median of 3 (${buildTimes.map((t) => ms(t)).join(", ")}); ` +
      `restart with the files unchanged ${ms(median(restartTimes))} ` +
      `(${(median(buildTimes) / median(restartTimes)).toFixed(0)}× less)`,
    median(buildTimes) < 3_000,
  ],
  ...(scale
    ? [
        [
          `building the content and search index (${SCALE_COUNT.toLocaleString("en")} files)`,
          "under 30 s in all, under 500 MB heap",
          `first start ${scaleFigures(scale.first)}; restart with the files unchanged ${scaleFigures(scale.restart)}`,
          scale.first.contentMs + scale.first.searchMs < 30_000 && scale.first.peakHeapMb < 500,
        ] as const,
      ]
    : []),
  ...search.rows,
  [
    "server render of a playbook page, median over HTTP",
    "under 20 ms",
    `${ms(median(warm))} (p95 ${ms(percentile(warm, 95))}); ` +
      `first render of a page ${ms(median(cold))} median, p95 ${ms(percentile(cold, 95))}`,
    median(warm) < 20,
  ],
] as const;
const table = [
  "| what | target | measured | |",
  "|---|---|---|---|",
  ...rows.map(([what, target, measured, ok]) => `| ${what} | ${target} | ${measured} | ${ok ? "✓" : "✗"} |`),
].join("\n");
const report = [
  "## Content and search (`npm run bench`)",
  "",
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. ` +
    `${COUNT} generated playbooks (${playbookSource(0).length} bytes each, 6 steps, 6 sections).`,
  "",
  table,
  "",
  ...search.notes.map((n) => `- ${n}`),
  `- "First render" compiles the page's MDX (with syntax highlighting); the result is cached by content hash, ` +
    "so later requests for the page, by anyone, are the warm figure.",
].join("\n");
writeBenchmarkSection("content", report);
console.log(report);
fs.rmSync(work, { recursive: true, force: true });
process.exit(rows.every((r) => r[3]) ? 0 : 1);

function buildAtScale(count: number) {
  const dir = path.join(work, "content-scale");
  const cache = path.join(work, "parse-cache", "scale");
  generatePlaybooks(dir, count);
  const run = (what: string) => {
    console.log(`building the content and search index of ${count} playbooks in a child process (${what})…`);
    const out = execFileSync(
      "npx",
      ["tsx", "--import", "./server/server-only-hook.mjs", "bench/content-scale.ts", dir, cache],
      { env: process.env, encoding: "utf8", maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(out.trim().split("\n").pop()!) as ScaleBuild;
    if (result.playbooks !== count)
      throw new Error(`expected ${count} playbooks at scale, indexed ${result.playbooks}`);
    return result;
  };
  const first = run("first start");
  const restart = run("restart");
  fs.rmSync(dir, { recursive: true, force: true });
  return { first, restart };
}

interface ScaleBuild {
  playbooks: number;
  contentMs: number;
  searchMs: number;
  peakHeapMb: number;
  maxRssMb: number;
}

function scaleFigures(build: ScaleBuild): string {
  return (
    `${ms(build.contentMs + build.searchMs)} (content ${ms(build.contentMs)}, search ${ms(build.searchMs)}), ` +
    `peak heap ${build.peakHeapMb} MB, peak RSS ${build.maxRssMb} MB`
  );
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy at ${url}`);
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
