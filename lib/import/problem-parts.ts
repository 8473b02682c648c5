// The parts of a problem in a guide: the sub-headings and labels ("Symptom", "Solution", "Verify")
// that belong to the problem above them rather than starting a new one.

// Sub-headings and labels that belong to the problem above them rather than starting a new one:
// the whole heading is the part's name ("Solution", "Workaround 2", "Fix: …"); "Check Runner Pod
// Logs" is a heading of its own.
export const PART = new RegExp(
  [
    "^(symptoms?|causes?|root cause|solution|fix|workaround|resolution|evidence|diagnos[ie]s|verification|verify|",
    "prevention|notes?|do not|don't|what to do|steps|steps to reproduce|reproduc\\w*|how to fix|how to check|",
    "check|error|error message|background|explanation|details|remedy|answer)",
    "(\\s*#?\\d+)?\\s*(\\([^)]*\\))?\\s*(:.*)?$",
  ].join(""),
  "i",
);

/** A part that shows the failure: what follows it is the symptom (or the command that fails). */
export const SYMPTOM_PART = /^(symptoms?|errors?|error message|error pattern|problem)\b/i;
