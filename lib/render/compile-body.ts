// Compiles a playbook's MDX body into a React component at run time. A body that fails to compile
// becomes a ContentError naming the file and line instead of an exception, so one bad playbook
// cannot take down a page, a build or the server.
import { compile, run } from "@mdx-js/mdx";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { COMPONENTS } from "@/lib/playbooks/format";
import type { ContentError, Playbook } from "@/lib/playbooks/types";
import { rehypeHeadingIds } from "./heading-ids";
import { getHighlighter } from "./highlighter";
import { remarkMdxGuards } from "./mdx-guards";
import { SHIKI_OPTIONS } from "./shiki-options";

export type CompiledBody = { ok: true; Content: MDXContent } | { ok: false; error: ContentError };

export type CompilableBody = Pick<Playbook, "file" | "body" | "bodyLine" | "sections">;

export async function compileBody(playbook: CompilableBody): Promise<CompiledBody> {
  try {
    const highlighter = await getHighlighter();
    // Blank lines in front of the body keep positions equal to file lines, for errors and anchors.
    const value = "\n".repeat(Math.max(0, playbook.bodyLine - 1)) + playbook.body;
    const code = await compile(
      { value, path: playbook.file },
      {
        outputFormat: "function-body",
        remarkPlugins: [remarkGfm, [remarkMdxGuards, { components: COMPONENTS }]],
        rehypePlugins: [
          [rehypeHeadingIds, { sections: playbook.sections }],
          [rehypeShikiFromHighlighter, highlighter, SHIKI_OPTIONS],
        ],
      },
    );
    const mod = await run(String(code), {
      Fragment: runtime.Fragment,
      jsx: runtime.jsx,
      jsxs: runtime.jsxs,
      baseUrl: import.meta.url,
    });
    return { ok: true, Content: mod.default };
  } catch (err) {
    return { ok: false, error: toContentError(err, playbook.file, playbook.bodyLine) };
  }
}

interface PositionedError {
  reason?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
  place?: { line?: unknown; column?: unknown; start?: { line?: unknown; column?: unknown } } | null;
}

/** VFile messages carry line and column; anything else is pinned to the start of the body. */
export function toContentError(err: unknown, file: string, fallbackLine: number): ContentError {
  const e = (typeof err === "object" && err !== null ? err : {}) as PositionedError;
  const point = e.place?.start ?? e.place ?? {};
  let message = typeof e.reason === "string" ? e.reason : typeof e.message === "string" ? e.message : String(err);
  let line = numberOr(e.line, numberOr(point.line, Number.NaN));
  let column = numberOr(e.column, numberOr(point.column, Number.NaN));
  // Some micromark errors carry their place only inside the text: "Expected a closing tag (8:1-8:22)".
  const inText = PLACE_IN_TEXT.exec(message);
  if (Number.isNaN(line) && inText) {
    line = Number(inText[1]);
    column = Number(inText[2]);
    message = message.replace(PLACE_IN_TEXT, "").trim();
  }
  if (Number.isNaN(line)) line = fallbackLine;
  return Number.isNaN(column) ? { file, line, message } : { file, line, column, message };
}

const PLACE_IN_TEXT = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/;

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
