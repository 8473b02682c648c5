// A hand-made import report with every part filled in, for tests of what shows a report (the
// terminal formatter, the stored-report reader, the upload route): the importer's own reports
// fill in part by part while it is being rewritten.
import type { ImportReport } from "@/lib/import/import-report";

export function exampleImportReport(file = "guides/TROUBLESHOOTING.md"): ImportReport {
  return {
    file,
    title: "Web app behind nginx",
    slug: "web-app-behind-nginx",
    problems: [
      {
        title: "502 Bad Gateway after a deploy",
        line: 12,
        stepIds: ["check-upstream", "restart-app"],
        symptoms: ["502 Bad Gateway", "connect() failed (111: Connection refused) while connecting to upstream"],
      },
    ],
    steps: [
      {
        id: "check-upstream",
        title: "Is the app listening?",
        line: 18,
        risk: "read",
        riskReason: "`ss -ltnp` only reads",
        role: "diagnose",
      },
      {
        id: "restart-app",
        title: "Restart the app",
        line: 27,
        risk: "change",
        riskReason: "`systemctl restart webapp` starts, stops or restarts a service",
        role: "fix",
        root: true,
      },
    ],
    blocks: [
      {
        line: 18,
        lang: "bash",
        class: "commands",
        decision: { kind: "step", stepIds: ["check-upstream"] },
        reason: "",
      },
      {
        line: 22,
        lang: "text",
        class: "output",
        decision: { kind: "expected-output", stepId: "check-upstream" },
        reason: "no prompt, right after the command it shows",
      },
      {
        line: 40,
        lang: "nginx",
        class: "config",
        decision: { kind: "prose" },
        reason: "a configuration file to edit, not commands to run",
      },
      {
        line: 8,
        lang: "",
        class: "output",
        decision: { kind: "symptoms", symptoms: ["502 Bad Gateway"] },
        reason: "error lines under Symptom:",
      },
    ],
    placeholders: [{ line: 27, text: "<service-name>", input: "SERVICE_NAME" }],
    notes: [{ line: 3, message: "MkDocs admonition `!!! warning` rewritten as a blockquote" }],
  };
}
