// The Node resolve hook registered by server-only-hook.mjs (hooks run on Node's loader thread, so
// they live in a module of their own): resolves `server-only` as Next's server bundles do.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
