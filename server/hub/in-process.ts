// The hub's entry point for in-process callers (lib/runs/hub-commands.ts): the /ui socket's guards
// in the same order, without a socket. The payload is parsed with its UI_COMMANDS schema, the role
// checked against UI_HANDLERS, the host against its access list (the socket path's gate), refusals
// of authority audited, and the command runs here or where its host or run is owned. The caller's
// user is the one its request resolved (lib/auth/request-user), read for this request.
//
// Watching: the run's room events on this instance. Under scale-out a run driven by another
// instance is not heard here (its events reach only sockets through the adapter); the watch
// still answers with the run's state.
import { prismaUsers } from "@/lib/auth/recheck-user";
import type { SessionUser } from "@/lib/auth/request-user";
import { onUserChange } from "@/lib/auth/user-epoch";
import { onHostAccessChange } from "@/lib/hosts/host-access-epoch";
import { log } from "@/lib/log";
import type { HubEntry, OutputSink, OwnedCommand, RunEvent } from "@/lib/runs/hub-commands";
import { UI_COMMANDS, type UiResult } from "@/lib/runs/protocol";
import { followStepOutput } from "./follow-output";
import type { Forwarder } from "./forwarding";
import type { HostAccessGate } from "./host-access";
import { auditRefusal, AUDITED_REFUSALS, badRequest, dispatchOwned } from "./owned-dispatch";
import type { RunWatchers } from "./run-watchers";
import { handlerOf, roleRefusal, UI_HANDLERS, type ErasedHandler, type HubContext } from "./ui-commands";

export function inProcessEntry(
  hub: HubContext,
  hosts: HostAccessGate,
  watchers: RunWatchers,
  forwarder?: Forwarder,
): HubEntry {
  async function run(user: SessionUser, event: OwnedCommand, payload: unknown): Promise<UiResult<object>> {
    const handler = handlerOf(event);
    if (handler.owner === "any") throw new Error(`${event} needs a socket`); // a programming error
    const parsed = UI_COMMANDS[event].payload.safeParse(payload);
    if (!parsed.success) return { ok: false, error: badRequest(parsed.error) };
    const refused = roleRefusal(user, handler) ?? (await hosts.refusal(user, handler, parsed.data));
    const result = refused ?? (await dispatchOwned(hub, forwarder, event, { ...hub, user }, parsed.data));
    if (!result.ok && AUDITED_REFUSALS.has(result.error.code))
      await auditRefusal(hub, event, user.id, parsed.data, result.error);
    return result;
  }

  async function watch(user: SessionUser, runId: string, onEvent: (event: RunEvent) => void) {
    const subscribe = UI_HANDLERS["run.subscribe"];
    const refused = roleRefusal(user, subscribe) ?? (await hosts.refusal(user, subscribe, { runId }));
    if (refused) return refused;
    // Listening first, so no event falls between the view and live; held until the view is out.
    let held: RunEvent[] | null = [];
    const stop = watchers.add(runId, (event) => (held ? held.push(event) : onEvent(event)));
    const view = await hub.runs.view(runId).catch((err: unknown) => {
      stop();
      throw err;
    });
    if (!view) {
      stop();
      return { ok: false as const, error: { code: "not-found" as const, message: `No run ${runId}.` } };
    }
    onEvent({ type: "run", run: view });
    for (const event of held) onEvent(event);
    held = null;
    const unguard = guard(user, subscribe, runId, (message) => {
      stopAll();
      onEvent({ type: "refused", message });
    });
    const stopAll = () => {
      unguard();
      stop();
    };
    return { ok: true as const, stop: stopAll };
  }

  async function follow(user: SessionUser, runId: string, stepRunId: string, sink: OutputSink) {
    const replay = UI_HANDLERS["step.replay"];
    const refused = roleRefusal(user, replay) ?? (await hosts.refusal(user, replay, { runId }));
    if (refused) return refused;
    const step = await hub.store.stepRunOutput(stepRunId);
    if (!step || step.runId !== runId) {
      const message = `No step run ${stepRunId} in run ${runId}.`;
      return { ok: false as const, error: { code: "not-found" as const, message } };
    }
    const stop = await followStepOutput(hub, watchers, runId, stepRunId, sink);
    const unguard = guard(user, replay, runId, () => {
      stopAll();
      sink.end();
    });
    const stopAll = () => {
      unguard();
      stop();
    };
    return { ok: true as const, stop: stopAll };
  }

  /**
   * Ends a watch or a follow once its user may no longer see the run, as the socket path drops its
   * watchers: re-checked whenever a host's access list or this user changes (a ban, a role).
   */
  function guard(user: SessionUser, handler: ErasedHandler, runId: string, end: (message: string) => void) {
    let done = false;
    let current: SessionUser | null = user;
    // A user change re-reads the role (null: banned or gone); a list change re-checks the role known.
    const recheck = async (userChanged: boolean) => {
      if (userChanged) {
        const role = await prismaUsers.currentRole(user.id);
        current = role ? { ...user, role } : null;
      }
      const refused = current
        ? (roleRefusal(current, handler) ?? (await hosts.refusal(current, handler, { runId })))?.error.message
        : "Your account is disabled or gone.";
      if (refused && !done) {
        done = true;
        end(refused);
      }
    };
    const check = (userChanged: boolean) =>
      void recheck(userChanged).catch((err: unknown) => log.warn({ err, runId }, "could not re-check a watcher"));
    const offHost = onHostAccessChange(() => check(false));
    const offUser = onUserChange((id) => id === user.id && check(true));
    return () => {
      done = true;
      offHost();
      offUser();
    };
  }

  return { run: run as HubEntry["run"], watch, follow };
}
