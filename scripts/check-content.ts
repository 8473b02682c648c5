// Lints every playbook: `npm run check:content -- [dir]` (default: CONTENT_DIR or content/).
// Prints each error as file:line:col: message and exits 1 when there is any; warnings (loops with
// no way out) are printed the same way and do not fail the check.
import { existsSync } from "node:fs";
import path from "node:path";
import { buildContentIndex, contentDir } from "@/lib/playbooks/build-content-index";
import { helpHref } from "@/lib/help/help-pages";
import { formatContentError } from "@/lib/playbooks/content-error";
import { loopWarnings } from "@/lib/playbooks/step-loops";

const dir = process.argv[2] ? path.resolve(process.argv[2]) : contentDir();
if (!existsSync(dir)) {
  console.error(`${dir}: no such folder`);
  process.exit(1);
}

const index = await buildContentIndex(dir, { logErrors: false });
const errors = [...index.broken.values()].flat();
for (const error of errors) console.log(formatContentError(error));
const warnings = [...index.playbooks.values()].flatMap(loopWarnings);
for (const warning of warnings) console.log(formatContentError(warning));

const files = index.playbooks.size + index.broken.size;
const steps = [...index.playbooks.values()].reduce((sum, playbook) => sum + playbook.steps.length, 0);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const counts = [plural(files, "playbook"), plural(steps, "step"), plural(errors.length, "error")];
console.log([...counts, plural(warnings.length, "warning")].join(", "));
if (errors.length > 0) console.log(`The format: docs/playbook-format.md (in the app: ${helpHref("playbook-format")})`);
process.exit(errors.length > 0 ? 1 : 0);
