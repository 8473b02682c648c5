// Server-side entry points of the incidents feature. Client components import from ./schema only.
export { createIncident } from "./create-incident";
export { updateIncident, IncidentConflictError, IncidentNotFoundError } from "./update-incident";
export { getIncident } from "./get-incident";
export { listIncidents, type IncidentFilter, type IncidentListItem } from "./list-incidents";
export { listPlaybookLearnings, countIncidents, type PlaybookLearning } from "./list-playbook-learnings";
export { seedIncidents } from "./seed-incidents";
export { exportIncidentMarkdown } from "./markdown/export-markdown";
export { importIncidentMarkdown } from "./markdown/import-markdown";
export { exportIncidentJson, importIncidentJson } from "./export-json";
export { importIncidentFile } from "./import-file";
export { IncidentInputError, parseIncidentInput, type IncidentInput } from "./schema";
export type { IncidentRecord } from "./types";
export {
  registerIncidentSearch,
  incidentDocuments,
  isIncidentResult,
  type IncidentSearchResult,
  type IncidentHead,
} from "./search-source";
export { incidentDraftFromRun, type RunDraft } from "./draft-from-run";
