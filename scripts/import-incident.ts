// `npm run import:incident -- FILE [--dry-run]`: records a Markdown write-up (or a JSON export) as an
// incident. Problems are printed as file:line: reason and nothing is saved.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { IncidentInputError } from "../lib/incidents/schema";
import { importIncidentFile } from "../lib/incidents/import-file";

const USAGE = "usage: npm run import:incident -- FILE [--dry-run]\n  FILE  a Markdown write-up (.md) or a Casebook JSON export (.json)";

async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const dryRun = args.includes("--dry-run");
  if (args.includes("--help") || files.length !== 1) {
    console.error(USAGE);
    return args.includes("--help") ? 0 : 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return 1;
  }
  try {
    const input = importIncidentFile(text, path.relative(process.cwd(), path.resolve(file)));
    if (dryRun) {
      console.log(JSON.stringify(input, null, 2));
      return 0;
    }
    const { createIncident } = await import("../lib/incidents/create-incident");
    const incident = await createIncident(input);
    console.log(
      `Recorded incident ${incident.id}: ${incident.title}\n  ${incident.rootCauses.length} root causes, ${incident.learnings.length} learnings, ${incident.symptoms.length} symptoms\n  /incidents/${incident.id}`,
    );
    return 0;
  } catch (err) {
    if (err instanceof IncidentInputError) {
      for (const issue of err.issues) console.error(issue.path ? `${issue.message} (${issue.path})` : issue.message);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
if (!process.argv.includes("--dry-run")) {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
}
