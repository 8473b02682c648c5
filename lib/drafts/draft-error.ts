// A refused draft operation: the status and one sentence for the person who asked. Route handlers
// answer it as JSON, server actions as the form's message; anything else is a server fault.
export type DraftErrorStatus = 400 | 403 | 404 | 409 | 422;

export class DraftError extends Error {
  constructor(
    message: string,
    readonly status: DraftErrorStatus,
    /** Facts a client can act on, e.g. `{ published }`: the version to name when replacing it. */
    readonly facts: Record<string, string> = {},
  ) {
    super(message);
    this.name = "DraftError";
  }
}

export const noSuchDraft = (): DraftError => new DraftError("No such draft.", 404);
