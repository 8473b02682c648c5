// A draft step's timeout: commands that download or build tend to take minutes, not the default 60 s.
export function suggestedTimeout(code: string): number | undefined {
  return /\b(install|build|pull|push|upgrade|clone|migrate|rsync|renew)\b|apt(-get)? update/.test(code)
    ? 600
    : undefined;
}
