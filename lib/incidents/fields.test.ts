import { describe, expect, it } from "vitest";
import { blankIncident, blankRootCause, DATE_FIELDS, INCIDENT_FIELDS } from "./fields";
import { parseIncidentInput, rootCauseSchema } from "./schema";

describe("incident fields", () => {
  it("has a blank value for every field, which is what the schema makes of a field left out", () => {
    const blank = blankIncident();
    expect(Object.keys(blank).sort()).toEqual([...INCIDENT_FIELDS].sort());
    expect(parseIncidentInput({ ...blank, title: "Named" })).toEqual({ ...blank, title: "Named" });
    const cause = { ...blankRootCause(), title: "Named" };
    expect(rootCauseSchema.parse(cause)).toEqual(cause);
  });

  it("hands out fresh lists, so an importer filling one blank leaves the next one empty", () => {
    const first: { symptoms: string[] } = blankIncident();
    first.symptoms.push("filled");
    expect(blankIncident().symptoms).toEqual([]);
  });

  it("names as dates the fields the schema reads dates into", () => {
    const iso = "2025-11-05T09:00:00.000Z";
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, iso]));
    const parsed = parseIncidentInput({ title: "t", severity: "SEV1", ...dates });
    for (const field of DATE_FIELDS) expect(parsed[field]).toEqual(new Date(iso));
  });
});
