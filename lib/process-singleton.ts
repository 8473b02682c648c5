// Process-wide state (the database client, the content and search indexes, agent presence...).
// Module scope is not enough: the custom server (run by tsx) and the Next.js bundle each load their
// own copy of these modules in the same process, and Next's dev server reloads modules on edits.
// So the state lives on globalThis, under a Symbol.for key that every copy resolves to the same
// symbol and no other library can collide with. Client-safe: it touches neither database nor files.
type Holder = Record<symbol, unknown>;

const holder = globalThis as unknown as Holder;

const keyOf = (name: string): symbol => Symbol.for(`casebook.${name}`);

/** The process's one value for `name`, made by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = keyOf(name);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/** Whether `name` has been made in this process (tests check that nothing opened the database). */
export function hasProcessSingleton(name: string): boolean {
  return keyOf(name) in holder;
}

/** Drops the value and returns it, so the next processSingleton() call makes a fresh one (close, retry). */
export function forgetProcessSingleton<T>(name: string): T | undefined {
  const key = keyOf(name);
  const value = holder[key] as T | undefined;
  delete holder[key];
  return value;
}
