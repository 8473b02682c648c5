/** Test files under `root`, relative, that make a database and are not about one in particular. */
export function databaseTestFiles(root: string, skipDirs: string[]): string[];
