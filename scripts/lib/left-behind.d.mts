/** See left-behind.mjs. */
export function leftBehindDirs(root: string): string[];
