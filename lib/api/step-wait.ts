// GET /api/runs/:id/steps/:stepRunId?wait=N: a step's view once its verdict is no longer "running",
// or as it is when N seconds have passed. Woken by the hub's in-process watcher (lib/runs/hub-commands),
// and the database is read again every second, so a step driven by another instance (scale-out),
// whose events this instance does not hear, still ends the wait.
import type { SessionUser } from "@/lib/auth/request-user";
import { findRunView } from "@/lib/runs/find-run-view";
import { watchRun } from "@/lib/runs/hub-commands";
import type { StepRunView } from "@/lib/runs/protocol";

const RECHECK_MS = 1000;

async function stored(runId: string, stepRunId: string): Promise<StepRunView | null> {
  return (await findRunView(runId))?.run.steps.find((s) => s.id === stepRunId) ?? null;
}

/** Null when the run has no such step run. */
export async function waitForVerdict(
  user: SessionUser,
  runId: string,
  stepRunId: string,
  seconds: number,
  signal: AbortSignal,
): Promise<StepRunView | null> {
  const first = await stored(runId, stepRunId);
  if (!first || first.verdict !== "running" || seconds === 0) return first;
  return new Promise<StepRunView>((resolve) => {
    let latest = first;
    let stopWatch = () => {};
    const done = (step: StepRunView) => {
      clearTimeout(timer);
      clearInterval(recheck);
      stopWatch();
      signal.removeEventListener("abort", aborted);
      resolve(step);
    };
    const seen = (step: StepRunView | undefined) => {
      if (step && step.id === stepRunId) latest = step;
      if (step && step.id === stepRunId && step.verdict !== "running") done(step);
    };
    const aborted = () => done(latest);
    const timer = setTimeout(() => done(latest), seconds * 1000);
    const recheck = setInterval(
      () =>
        void stored(runId, stepRunId).then(
          (s) => seen(s ?? undefined),
          () => {},
        ),
      RECHECK_MS,
    );
    signal.addEventListener("abort", aborted);
    void watchRun(user, runId, (event) => {
      if (event.type === "step") seen(event.step);
      if (event.type === "run") seen(event.run.steps.find((s) => s.id === stepRunId));
    }).then((watch) => {
      if (!watch.ok) return;
      // Resolved already (the step ended before the watch began): stop at once.
      if (signal.aborted || latest.verdict !== "running") watch.stop();
      else stopWatch = watch.stop;
    });
  });
}
