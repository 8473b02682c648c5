// What the hub holds for an active run while it drives it, and the part of it kept sealed in the
// database (Run.live) so that another instance can take the run over: input and captured values,
// secrets among them, and the user running "run all read steps".
import { z } from "zod";
import type { Step } from "@/lib/playbooks/types";
import type { Ran } from "@/lib/runs/diagnosis-walk";
import type { RunWalk, StepRunView } from "@/lib/runs/protocol";
import type { Seal } from "./redis-seal";
import { openValue, sealValue } from "./redis-seal";
import type { StepSession } from "./step-session";

export interface ActiveStep {
  stepRunId: string;
  step: Step;
  userId: string;
  command: string;
  startedAt: Date;
  session: StepSession;
  /** Its view as it started, when started here by hand: its end is then told from memory too. */
  view?: StepRunView;
  /** Set while the agent is away: the step ends as lost when it fires. */
  lostTimer: NodeJS.Timeout | null;
  safetyTimer: NodeJS.Timeout;
  /** Once the step is ending: resolves when its end is written. */
  ended: Promise<void> | null;
}

const liveSchema = z.object({
  values: z.record(z.string(), z.string()),
  /** What earlier steps captured from their output (lib/runs/captures.ts): the latest of each name. */
  captured: z.record(z.string(), z.string()),
  secrets: z.array(z.string()),
  runAllUserId: z.string().nullable(),
});

export type LiveValues = z.infer<typeof liveSchema>;

export interface RunState extends LiveValues {
  id: string;
  playbookSlug: string;
  contentHash: string;
  hostId: string;
  hostName: string;
  /** Who started the run: only they, or an admin, may act on it (lib/auth/permissions). */
  ownerId: string;
  ownerName: string;
  active: ActiveStep | null;
  /** The steps that ended in this run, in start order: what the diagnosis walk reasons from. */
  history: Ran[];
  /** The last "run all read steps" walk (kept once it stopped); `walking` while it goes on. */
  walk: RunWalk | null;
  walking: boolean;
}

export function sealLive(seal: Seal, run: LiveValues): string {
  const { values, captured, secrets, runAllUserId } = run;
  return sealValue(seal, { values, captured, secrets, runAllUserId } satisfies LiveValues);
}

/** The sealed values, or null when they do not open (another secret) or were never kept. */
export function openLive(seal: Seal, sealed: string | null): LiveValues | null {
  const parsed = liveSchema.safeParse(sealed === null ? null : openValue(seal, sealed));
  return parsed.success ? parsed.data : null;
}
