// `casebook run <playbook> --host H [--step S | --all-read] [--input K=V]…`: starts a run, runs one
// step or walks the read steps, streams the output as it comes (GET /api/runs/:id/events) and exits
// with the verdict: 0 passed, 1 failed, 2 anything else (refused, error, timed out, cancelled...).
import type * as z from "zod";
import type { runEventLineSchema } from "../../lib/api/run-events";
import type { RunView, StepRunView, Verdict } from "../../lib/runs/protocol";
import { CliError } from "../client";
import type { Context } from "../context";
import { EXIT, printJson } from "../context";
import { findHost } from "./hosts";

export interface RunOptions {
  host: string;
  step?: string;
  allRead?: boolean;
  input: string[];
  confirm?: boolean;
  /** A danger step's own id, typed: the page's second confirmation. */
  typeStepId?: string;
  keepOpen?: boolean;
}

/** One line of GET /api/runs/:id/events, as the server's schema says. */
type RunEvent = z.output<typeof runEventLineSchema>;

/** `K=V` pairs into the run's inputs; the server checks names and values. */
export function parseInputs(pairs: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CliError(`--input takes NAME=value, not "${pair}".`);
    inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return inputs;
}

export function exitCodeOf(verdict: Verdict | "skipped"): number {
  if (verdict === "passed" || verdict === "skipped") return EXIT.passed;
  return verdict === "failed" ? EXIT.failed : EXIT.other;
}

/** A walk's code: the worst of its steps' (a refused or broken step outranks a failed check). */
export function walkExitCode(run: RunView): number {
  return Math.max(EXIT.passed, ...(run.walk?.path ?? []).map((s) => exitCodeOf(s.verdict)));
}

/**
 * The run as its event stream tells it: the latest run and step views, and each step's output
 * written once in offset order (live lines may repeat bytes already sent).
 */
class RunState {
  run: RunView | null = null;
  /** Why the server ended the stream (the host's access list or the account changed). */
  refused: string | null = null;
  readonly steps = new Map<string, StepRunView>();
  readonly output = new Map<string, Buffer[]>();
  private readonly written = new Map<string, number>();
  private readonly announced = new Set<string>();

  constructor(private readonly ctx: Context) {}

  apply(event: RunEvent): void {
    if (event.type === "run") {
      this.run = event.run;
      for (const step of event.run.steps) this.step(step);
    } else if (event.type === "step") this.step(event.step);
    else if (event.type === "refused") this.refused = event.message;
    else this.chunk(event.stepRunId, event.offset, Buffer.from(event.data, "base64"));
  }

  private step(step: StepRunView): void {
    const before = this.steps.get(step.id);
    this.steps.set(step.id, step);
    if (!this.announced.has(step.id)) {
      this.announced.add(step.id);
      this.say(`── ${step.stepId}: ${step.title} (${step.risk})\n`);
    }
    if (step.verdict !== "running" && before?.verdict !== step.verdict) this.say(`${verdictLine(step)}\n`);
  }

  private chunk(stepRunId: string, offset: number, data: Buffer): void {
    const have = this.written.get(stepRunId) ?? 0;
    if (offset + data.length <= have || offset > have) return;
    const fresh = data.subarray(have - offset);
    this.written.set(stepRunId, have + fresh.length);
    const parts = this.output.get(stepRunId) ?? [];
    parts.push(fresh);
    this.output.set(stepRunId, parts);
    if (!this.ctx.json) this.ctx.io.stdout(fresh);
  }

  private say(text: string): void {
    if (!this.ctx.json) this.ctx.io.stderr(text);
  }
}

function verdictLine(step: StepRunView): string {
  const mark = step.verdict === "passed" ? "✓" : "✗";
  const exit = step.exitCode === null ? "" : ` (exit ${step.exitCode})`;
  return `   ${mark} ${step.verdict}${exit}${step.reason ? `: ${step.reason}` : ""}`;
}

export async function run(ctx: Context, playbook: string, opts: RunOptions): Promise<number> {
  if (opts.step && opts.allRead) throw new CliError("Choose one: --step S or --all-read.");
  const inputs = parseInputs(opts.input);
  const host = await findHost(ctx, opts.host);
  const started = await ctx.client.json<{ runId: string }>("POST", "/api/runs", {
    playbook,
    hostId: host.id,
    inputs,
  });
  const runId = started.runId;
  if (!ctx.json) ctx.io.stderr(`Run ${runId}: ${playbook} on ${host.name}  ${ctx.client.link(`/runs/${runId}`)}\n`);

  const state = new RunState(ctx);
  const abort = new AbortController();
  let goal: (() => boolean) | null = null;
  let ready!: () => void;
  const first = new Promise<void>((resolve) => (ready = resolve));
  const stream = ctx.client.lines(
    `/api/runs/${encodeURIComponent(runId)}/events`,
    (line) => {
      state.apply(line as RunEvent);
      ready();
      return state.refused !== null || (goal?.() ?? false);
    },
    abort.signal,
  );
  // The stream's first line is the run as it is: start the work only once it is being watched.
  await Promise.race([first, stream]);

  const cancel = () => {
    abort.abort();
    void ctx.client.json("POST", `/api/runs/${encodeURIComponent(runId)}/cancel`).catch(() => undefined);
  };
  process.once("SIGINT", cancel);
  try {
    let code: number;
    if (opts.step) {
      const typed = opts.typeStepId === undefined ? {} : { confirm: true, typedStepId: opts.typeStepId };
      const body = { stepId: opts.step, ...(opts.confirm ? { confirm: true } : {}), ...typed };
      const { stepRunId } = await ctx.client.json<{ stepRunId: string }>("POST", `/api/runs/${runId}/steps`, body);
      const done = () => {
        const step = state.steps.get(stepRunId);
        return step !== undefined && step.verdict !== "running";
      };
      goal = done;
      if (!done()) await stream;
      if (abort.signal.aborted) throw new CliError("Cancelled: the running step was asked to stop.");
      if (state.refused) throw new CliError(`Stopped watching: ${state.refused}`);
      const step = state.steps.get(stepRunId);
      if (!step || step.verdict === "running") throw new CliError("The run's event stream ended before the step did.");
      code = exitCodeOf(step.verdict);
    } else {
      await ctx.client.json("POST", `/api/runs/${runId}/run-all-read`, {});
      const done = () => Boolean(state.run && !state.run.runningAllRead && state.run.walk?.stopped);
      goal = done;
      if (!done()) await stream;
      if (abort.signal.aborted) throw new CliError("Cancelled: the running step was asked to stop.");
      if (state.refused) throw new CliError(`Stopped watching: ${state.refused}`);
      if (!done()) throw new CliError("The run's event stream ended before the walk did.");
      code = walkExitCode(state.run!);
      if (!ctx.json) ctx.io.stderr(`${state.run!.walk!.stopped}\n`);
    }
    const final = opts.keepOpen ? state.run : await finish(ctx, runId, state.run);
    if (ctx.json) {
      const output = Object.fromEntries(
        [...state.output].map(([id, parts]) => [id, Buffer.concat(parts).toString("utf8")]),
      );
      printJson(ctx, { runId, exitCode: code, stopped: final?.walk?.stopped ?? null, run: final, output });
    }
    return code;
  } finally {
    process.off("SIGINT", cancel);
    abort.abort();
  }
}

/** Closes the run, so it does not stay active in the UI; a failure to close keeps the verdict. */
async function finish(ctx: Context, runId: string, last: RunView | null): Promise<RunView | null> {
  try {
    return (await ctx.client.json<{ run: RunView }>("POST", `/api/runs/${runId}/finish`, {})).run;
  } catch (err) {
    ctx.io.stderr(`Could not finish run ${runId}: ${(err as Error).message}\n`);
    return last;
  }
}
