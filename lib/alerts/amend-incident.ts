// Changes an incident on behalf of an alert or a triage run, through the incident store's own
// update (so its validation, its status timeline entry and its search refresh all apply). An edit
// someone saved in between is not overwritten: the change is applied again to their version.
import "server-only";
import { getIncident } from "@/lib/incidents/get-incident";
import type { IncidentInput } from "@/lib/incidents/schema";
import { IncidentConflictError, updateIncident } from "@/lib/incidents/update-incident";

const ATTEMPTS = 5;

export type Amend = (current: IncidentInput) => IncidentInput;

/** Applies `amend`; false when the incident is gone. */
export async function amendIncident(id: string, amend: Amend, editorName: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await getIncident(id);
    if (!current) return false;
    const { id: _id, createdAt: _c, updatedAt, authors: _a, ...input } = current;
    try {
      await updateIncident(id, amend(input), { expectedUpdatedAt: updatedAt, editorName });
      return true;
    } catch (err) {
      if (!(err instanceof IncidentConflictError) || attempt >= ATTEMPTS) throw err;
    }
  }
}
