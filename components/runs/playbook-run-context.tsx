"use client";
// The run of the playbook being read: which host, which inputs, the live run and the actions on
// it. The run panel, the run bar and every step card's Run controls share it. The run id lives in
// the URL (?run=<id>), so a reload or a second viewer joins the same run.
import { useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { mayUseHost } from "@/lib/auth/host-access";
import type { RunUser } from "@/lib/auth/permissions";
import type { Risk, VariableUse } from "@/lib/playbooks/types";
import type { HostView, RunView } from "@/lib/runs/protocol";
import { checkInputValues, initialInputValues, valuesToSend, type InputDeclaration } from "./input-check";
import { request } from "./run-requests";
import { UiSocketProvider, useUiConnection } from "./ui-socket-provider";
import { useLiveHosts } from "./use-live-hosts";
import { useRunSession } from "./use-run-session";

export interface RunPlaybook {
  slug: string;
  title: string;
  contentHash: string;
  /** `code` is what the hub sends; `variables` where it expands one (for Copy with the run's values). */
  steps: { id: string; title: string; risk: Risk; code: string; variables: VariableUse[] }[];
  inputs: InputDeclaration[];
}

export type PendingAction = "start" | "cancel" | "run-all" | "finish" | `step:${string}`;

export interface PlaybookRun {
  playbook: RunPlaybook;
  user: RunUser;
  connected: boolean;
  connectionProblem: string | null;
  hosts: HostView[];
  hostId: string;
  /** The run's host, or the one picked for the next run; null when none is. */
  host: HostView | null;
  chooseHost(id: string): void;
  values: Record<string, string>;
  setValue(name: string, value: string): void;
  fieldErrors: Record<string, string>;
  run: RunView | null;
  /** The run named in the URL is still loading. */
  joining: boolean;
  pending: PendingAction | null;
  /** Problems not tied to one step (start, finish, the connection). */
  error: string | null;
  /** Problems running a step, by step id. */
  stepErrors: Record<string, string>;
  startRun(): Promise<RunView | null>;
  runStep(stepId: string, opts?: { confirm?: boolean; typedStepId?: string }): Promise<boolean>;
  cancelStep(): Promise<void>;
  runAllRead(): Promise<void>;
  finishRun(): Promise<void>;
  newRun(): void;
}

const PlaybookRunContext = createContext<PlaybookRun | null>(null);

/** Null outside a playbook page (step cards render no Run controls there). */
export function usePlaybookRun(): PlaybookRun | null {
  return useContext(PlaybookRunContext);
}

function setRunInUrl(runId: string | null): void {
  const url = new URL(window.location.href);
  if (runId) url.searchParams.set("run", runId);
  else url.searchParams.delete("run");
  window.history.replaceState(window.history.state, "", url);
}

/** The host offered first: online, and one the user may use (an access list may leave them out). */
function firstUsable(hosts: HostView[], user: RunUser): string {
  return hosts.find((h) => h.online && !h.revoked && mayUseHost(user, h).allowed)?.id ?? "";
}

interface ProviderProps {
  playbook: RunPlaybook;
  user: RunUser;
  hosts: HostView[];
  children: ReactNode;
}

export function PlaybookRunProvider(props: ProviderProps) {
  return (
    <UiSocketProvider>
      <PlaybookRunState {...props} />
    </UiSocketProvider>
  );
}

function PlaybookRunState({ playbook, user, hosts: initialHosts, children }: ProviderProps) {
  const connection = useUiConnection();
  const socket = connection?.socket ?? null;
  const session = useRunSession(useSearchParams().get("run"));
  const hosts = useLiveHosts(initialHosts);
  const [chosenHost, setChosenHost] = useState<string | null>(null);
  const [values, setValues] = useState(() => initialInputValues(playbook.inputs));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [stepErrors, setStepErrors] = useState<Record<string, string>>({});

  const { run, adopt, setError } = session;
  const hostId = chosenHost ?? run?.hostId ?? firstUsable(hosts, user);
  const host = hosts.find((h) => h.id === (run?.hostId ?? hostId)) ?? null;

  const setValue = useCallback((name: string, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setFieldErrors((prev) => {
      if (!(name in prev)) return prev;
      const rest = { ...prev };
      delete rest[name];
      return rest;
    });
  }, []);

  const busy = useCallback(async <T,>(action: PendingAction, work: () => Promise<T>): Promise<T> => {
    setPending(action);
    try {
      return await work();
    } finally {
      setPending((p) => (p === action ? null : p));
    }
  }, []);

  const startRun = useCallback(async (): Promise<RunView | null> => {
    if (!socket) return null;
    const errors = checkInputValues(playbook.inputs, values);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError("Some inputs need attention before a run can start.");
      document.getElementById("run-panel")?.scrollIntoView({ block: "start" });
      return null;
    }
    if (!hostId) {
      setError("Pick an online host first.");
      return null;
    }
    return busy("start", async () => {
      const inputs = valuesToSend(playbook.inputs, values);
      const res = await request(socket, "run.start", { playbook: playbook.slug, hostId, inputs });
      if (!res.ok) {
        setError(res.error.message);
        return null;
      }
      adopt(res.run);
      setStepErrors({});
      setRunInUrl(res.runId);
      return res.run;
    });
  }, [socket, playbook, values, hostId, busy, adopt, setError]);

  const runStep = useCallback(
    async (stepId: string, opts: { confirm?: boolean; typedStepId?: string } = {}): Promise<boolean> => {
      if (!socket) return false;
      setStepErrors(({ [stepId]: _gone, ...rest }) => rest);
      const target = run && run.status === "active" ? run : await startRun();
      if (!target) return false;
      return busy(`step:${stepId}`, async () => {
        const res = await request(socket, "step.run", { runId: target.id, stepId, ...opts });
        if (!res.ok) setStepErrors((prev) => ({ ...prev, [stepId]: res.error.message }));
        return res.ok;
      });
    },
    [socket, run, startRun, busy],
  );

  const onRun = useCallback(
    async (action: PendingAction, event: "step.cancel" | "run.finish") => {
      if (!socket || !run) return;
      await busy(action, async () => {
        const res = await request(socket, event, { runId: run.id });
        if (!res.ok) setError(res.error?.message ?? "The server refused.");
      });
    },
    [socket, run, busy, setError],
  );

  const value = useMemo<PlaybookRun>(
    () => ({
      playbook,
      user,
      connected: connection?.connected ?? false,
      connectionProblem: connection?.problem ?? null,
      hosts,
      hostId,
      host,
      chooseHost: setChosenHost,
      values,
      setValue,
      fieldErrors,
      run,
      joining: session.runId !== null && run === null && session.error === null,
      pending,
      error: session.error,
      stepErrors,
      startRun,
      runStep,
      cancelStep: () => onRun("cancel", "step.cancel"),
      runAllRead: async () => {
        const target = run && run.status === "active" ? run : await startRun();
        if (!target || !socket) return;
        await busy("run-all", async () => {
          const res = await request(socket, "run.runAllRead", { runId: target.id });
          if (!res.ok) setError(res.error.message);
        });
      },
      finishRun: () => onRun("finish", "run.finish"),
      newRun: () => {
        session.clear();
        setStepErrors({});
        setRunInUrl(null);
      },
    }),
    [
      playbook,
      user,
      connection,
      hosts,
      hostId,
      host,
      values,
      setValue,
      fieldErrors,
      run,
      session,
      pending,
      stepErrors,
      startRun,
      runStep,
      onRun,
      socket,
      busy,
      setError,
    ],
  );

  return <PlaybookRunContext value={value}>{children}</PlaybookRunContext>;
}
