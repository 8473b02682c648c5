// Runs `run` over `items` with at most `limit` at a time, results in the order of `items`: the content
// build reads and writes thousands of small files.

/** Enough files at once to keep the disk busy without holding a thousand open. */
export const FILES_AT_ONCE = 32;

export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, at: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await run(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
