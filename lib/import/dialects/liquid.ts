// Jekyll's Liquid tags (GitHub Pages sites): `{% highlight bash %}` … `{% endhighlight %}` code
// blocks, `{% raw %}` wrappers, `{% comment %}` blocks, `{% include %}` and `{% link %}` tags, and
// `{{ site.baseurl }}` in links. Other tags (`{% if %}`, `{% capture %}`) are template logic.
import type { Opener } from "./line-scanner";
import type { NoteLog } from "./note-log";

const TAG = /\{%-?\s*(\w+)([^%]*?)\s*-?%\}/g;

export function liquidBlock(lines: readonly string[], index: number): Opener | null {
  const line = lines[index] ?? "";
  const highlight = /^\s*\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$/.exec(line);
  if (highlight) {
    return {
      action: { kind: "code", lang: highlight[1] ?? "" },
      end: { kind: "line", pattern: /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/ },
      note: `Liquid {% highlight ${highlight[1]} %} became a ${highlight[1]} code block`,
    };
  }
  if (/^\s*\{%-?\s*comment\s*-?%\}\s*$/.test(line)) {
    return {
      action: { kind: "drop" },
      end: { kind: "line", pattern: /^\s*\{%-?\s*endcomment\s*-?%\}\s*$/ },
      note: "Liquid {% comment %} block was left out",
    };
  }
  return null;
}

/** Inline Liquid: `{% link x.md %}` → x.md, `{{ site.baseurl }}` → nothing, other tags removed. */
export function replaceLiquid(text: string, line: number, log: NoteLog): string {
  return text
    .replace(/\{\{\s*(site|page)\.[\w.]+\s*\}\}/g, () => {
      log.count(line, "Liquid site variable removed");
      return "";
    })
    .replace(TAG, (_m, name: string, args: string) => {
      if (name === "include" || name === "include_relative") {
        log.add(line, `Liquid {% ${name} %} includes another file, which is not imported`);
        return "";
      }
      log.count(line, `Liquid tag {% ${name} %} removed`);
      return name === "link" || name === "post_url" ? args.trim() : "";
    });
}
