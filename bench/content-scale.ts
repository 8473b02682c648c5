// One content index build, then one search index build, of a generated folder, in a process of its
// own so that its peak RSS is theirs alone, with the server's disk parse cache in <cache folder>:
// run once on an empty one for a first start, again for a restart. Run by content.bench.ts; prints
// one JSON line. Usage: tsx --import ./server/server-only-hook.mjs bench/content-scale.ts <content dir> <cache folder>
import { buildContentIndex } from "../lib/playbooks/content-index";
import { openDiskParseCache } from "../lib/playbooks/disk-parse-cache";
import { buildSearchIndex } from "../lib/search";

const [dir, cacheRoot] = process.argv.slice(2);
if (!dir || !cacheRoot) throw new Error("usage: content-scale.ts <content dir> <cache folder>");

// The main thread lets worker replies in every few milliseconds while it parses, so a timer samples
// the heap throughout the build (worker threads' own heaps are in the RSS only).
let peakHeap = 0;
const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
const sampler = setInterval(sample, 25);

let t0 = performance.now();
const disk = openDiskParseCache(dir, { root: cacheRoot });
const index = await buildContentIndex(dir, { logErrors: false, disk });
const contentMs = performance.now() - t0;
sample();
t0 = performance.now();
const search = buildSearchIndex([...index.playbooks.values()]);
const searchMs = performance.now() - t0;
sample();
clearInterval(sampler);
const mb = (bytes: number) => Math.round(bytes / 1e6);
console.log(
  JSON.stringify({
    playbooks: index.playbooks.size,
    broken: index.broken.size,
    contentMs,
    searchMs,
    peakHeapMb: mb(peakHeap),
    // ru_maxrss is in kilobytes.
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    searchable: search.search("fatal", { limit: 1 }).length > 0,
  }),
);
// The cache is written after the index is served; the restart run needs it all on disk.
await disk?.settled();
