// The guides a command line names: a FILE as given, a DIR as its Markdown files (recursively,
// without dot folders and node_modules), a GLOB as its matches. Node 20 has no fs.promises.glob,
// hence tinyglobby (also what vite and typescript-eslint glob with).
import { stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

export interface NamedGuides {
  /** Each guide once, in the order the arguments name them (a folder's and a glob's sorted). */
  files: string[];
  /** Arguments that name nothing: a glob without a match, or a path that is not there. */
  unmatched: string[];
  /** Whether an argument was a folder or a glob: then the command imports a batch even of one. */
  many: boolean;
}

const MARKDOWN = ["**/*.md", "**/*.markdown"];
const IGNORE = ["**/node_modules/**"];

export async function namedGuides(args: string[]): Promise<NamedGuides> {
  const seen = new Set<string>();
  const result: NamedGuides = { files: [], unmatched: [], many: args.length > 1 };
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    result.files.push(file);
  };
  for (const arg of args) {
    const found = await stat(arg).catch(() => null);
    if (found?.isDirectory()) {
      result.many = true;
      const inside = await glob(MARKDOWN, { cwd: arg, ignore: IGNORE });
      if (inside.length === 0) result.unmatched.push(arg);
      for (const file of inside.sort()) add(path.join(arg, file));
    } else if (!found && isDynamicPattern(arg)) {
      result.many = true;
      const matches = await glob(arg, { ignore: IGNORE });
      if (matches.length === 0) result.unmatched.push(arg);
      for (const file of matches.sort()) add(file);
    } else {
      // A file, or a path that is not there: reading it says which.
      add(arg);
    }
  }
  return result;
}
