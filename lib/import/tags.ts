// Tags for a draft, from the technologies its text names. A short list people recognise beats
// clever extraction; authors adjust tags before publishing.

const TAGS: Array<[string, RegExp]> = [
  ["ray", /\bray\b/i],
  ["podman", /\bpodman\b/i],
  ["docker", /\bdocker\b/i],
  ["containers", /\bcontainers?\b/i],
  ["kubernetes", /\b(kubectl|kubernetes|k8s)\b/i],
  ["github-actions", /\bgithub actions\b|\bactions-runner\b|\.github\/workflows/i],
  ["nix", /\bnix(ery)?\b/i],
  ["orbstack", /\borbstack\b|\borb (shell|create|list)\b/i],
  ["macos", /\bmacos\b/i],
  ["python", /\bpython3?(\.\d+)?\b|\bpip\b/i],
  ["nodejs", /\bnode(\.js)?\b|\bnpm\b/i],
  ["postgresql", /\bpostgres(ql)?\b|\bpsql\b/i],
  ["nginx", /\bnginx\b/i],
  ["ssl", /\b(ssl|tls|x509)\b/i],
  ["systemd", /\bsystemctl\b|\bsystemd\b/i],
  ["claude", /\bclaude\b/i],
];

export function deriveTags(text: string, max = 6): string[] {
  const scored = TAGS.map(([tag, re]) => [tag, (text.match(new RegExp(re.source, "gi")) ?? []).length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return scored.slice(0, max).map(([tag]) => tag);
}
