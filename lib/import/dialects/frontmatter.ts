// The guide's own frontmatter: YAML between `---` lines (Jekyll, Hugo, MkDocs, Docusaurus) or
// TOML between `+++` lines (Hugo). Its title, description and tags are read, and its lines are
// blanked so that neither the title nor the prose picks up `title: "Troubleshooting" weight: 20`.
import { parse as parseYaml } from "yaml";
import { parseTomlTopLevel } from "./toml";

export interface SourceFrontmatter {
  title?: string;
  description?: string;
  tags?: string[];
  /** A `project:` or `product:` key, where the site declares one. */
  project?: string;
}

function text(v: unknown): string | undefined {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return undefined;
  const t = v.replace(/\s+/g, " ").trim();
  return t || undefined;
}

function list(v: unknown): string[] | undefined {
  const items = Array.isArray(v) ? v.map(text) : typeof v === "string" ? v.split(",").map(text) : [];
  const found = items.filter((t): t is string => !!t);
  return found.length ? found : undefined;
}

export function understand(data: Record<string, unknown>): SourceFrontmatter {
  const get = (...keys: string[]) => keys.map((k) => data[k]).find((v) => v !== undefined && v !== null);
  const found: SourceFrontmatter = {
    title: text(get("title")),
    description: text(get("description", "summary", "excerpt", "abstract")),
    tags: list(get("tags", "keywords")),
    project: text(get("project", "product")),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as SourceFrontmatter;
}

/** When YAML will not parse (unquoted colons are common), the simple `key: value` lines still say enough. */
function lenientYaml(body: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const m of body.matchAll(/^([\w-]+):[ \t]*(.+)$/gm)) {
    data[(m[1] ?? "").toLowerCase()] = (m[2] ?? "").trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return data;
}

export interface FoundFrontmatter {
  frontmatter: SourceFrontmatter;
  format: "YAML" | "TOML";
  /** How many lines, fences included. */
  lines: number;
}

export function readFrontmatter(lines: readonly string[]): FoundFrontmatter | null {
  const fence = (lines[0] ?? "").replace(/^\uFEFF/, "").trimEnd();
  if (fence !== "---" && fence !== "+++") return null;
  const close = lines.findIndex(
    (l, i) => i > 0 && (l.trimEnd() === fence || (fence === "---" && l.trimEnd() === "...")),
  );
  if (close < 0) return null;
  const body = lines.slice(1, close).join("\n");
  if (fence === "+++") return { frontmatter: understand(parseTomlTopLevel(body)), format: "TOML", lines: close + 1 };
  let data: unknown;
  try {
    data = parseYaml(body);
  } catch {
    data = lenientYaml(body);
  }
  // `---` then prose then `---` is a pair of rules around a paragraph, not frontmatter.
  if (data !== null && (typeof data !== "object" || Array.isArray(data))) return null;
  return { frontmatter: understand((data ?? {}) as Record<string, unknown>), format: "YAML", lines: close + 1 };
}
