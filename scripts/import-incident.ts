// `npm run import:incident -- FILE [--dry-run]`: records a Markdown write-up (or a JSON export) as an
// incident. Problems are printed as file:line: reason and nothing is saved.
import path from "node:path";
import { IncidentInputError } from "../lib/incidents/schema";
import { importIncidentFile } from "../lib/incidents/import-file";
import { parseFileCommand, readInputFile } from "./lib/cli";

const USAGE =
  "usage: npm run import:incident -- FILE [--dry-run]\n" +
  "  FILE  a Markdown write-up (.md) or a Casebook JSON export (.json)";

async function main(args: string[]): Promise<number> {
  const command = parseFileCommand(args, { "dry-run": { type: "boolean" } }, USAGE);
  if ("exit" in command) return command.exit;
  const { file } = command;
  const dryRun = command.values["dry-run"] === true;
  const text = await readInputFile(file);
  if (text === null) return 1;
  try {
    const input = importIncidentFile(text, path.relative(process.cwd(), path.resolve(file)));
    if (dryRun) {
      console.log(JSON.stringify(input, null, 2));
      return 0;
    }
    const { createIncident } = await import("../lib/incidents/create-incident");
    const incident = await createIncident(input);
    console.log(
      `Recorded incident ${incident.id}: ${incident.title}\n` +
        `  ${incident.rootCauses.length} root causes, ${incident.learnings.length} learnings, ` +
        `${incident.symptoms.length} symptoms\n` +
        `  /incidents/${incident.id}`,
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
