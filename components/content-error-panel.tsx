// Shown instead of a playbook's body when its file cannot be parsed or rendered. Written for the
// author who has to fix it: the file, the line, the parser's own words and the format's reference.
import Link from "next/link";
import { helpHref } from "@/lib/help/help-pages";
import type { ContentError } from "@/lib/playbooks/types";
import { OctagonIcon } from "./icons";

export function formatLocation(error: Pick<ContentError, "file" | "line" | "column">): string {
  return `${error.file}:${error.line}${error.column === undefined ? "" : `:${error.column}`}`;
}

export function ContentErrorPanel({ title, errors }: { title: string; errors: readonly ContentError[] }) {
  return (
    <section className="content-error" role="alert" aria-labelledby="content-error-title">
      <div className="content-error-head">
        <OctagonIcon size={18} />
        <h2 id="content-error-title">{title}</h2>
      </div>
      <p className="content-error-hint">
        Every other playbook keeps working. Fix the file below and reload this page; every rule is in{" "}
        <Link href={helpHref("playbook-format")}>the playbook format</Link>.
      </p>
      <ul className="content-error-list">
        {errors.map((error, i) => (
          <li key={i}>
            <code className="content-error-location">{formatLocation(error)}</code>
            <span className="content-error-message">{error.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
