"use client";
// Before a run: pick a host, fill in the playbook's inputs, start.
import Link from "next/link";
import { describeHostAccess, mayUseHost } from "@/lib/auth/host-access";
import type { RunUser } from "@/lib/auth/permissions";
import type { HostView } from "@/lib/runs/protocol";
import { InlineCodeText } from "@/components/inline-code-text";
import type { PlaybookRun } from "./playbook-run-context";
import { formatAgo, formatDateTime } from "@/lib/format/dates";
import { useNow } from "./use-now";

function hostLabel(host: HostView, user: RunUser, now: number | null): string {
  // Listed but not offered: an operator should know the host exists and whom to ask, not hunt for it.
  if (!mayUseHost(user, host).allowed) return `${host.name} — restricted to ${describeHostAccess(host.access)}`;
  if (host.online) return `${host.name}${host.local ? " (this machine)" : ""}`;
  if (!host.lastSeenAt) return `${host.name} — offline, never connected`;
  const seen = now === null ? formatDateTime(host.lastSeenAt) : formatAgo(host.lastSeenAt, now);
  return `${host.name} — offline, last seen ${seen}`;
}

export function RunForm({ ctx }: { ctx: PlaybookRun }) {
  const hosts = ctx.hosts
    .filter((h) => !h.revoked)
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  const usable = (h: HostView) => h.online && mayUseHost(ctx.user, h).allowed;
  const online = hosts.some(usable);
  const chosen = hosts.find((h) => h.id === ctx.hostId);
  const restriction = chosen && describeHostAccess(chosen.access);
  const now = useNow();
  const starting = ctx.pending === "start" || ctx.pending === "run-all";
  const hasReadSteps = ctx.playbook.steps.some((s) => s.risk === "read");

  return (
    <form
      className="run-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void ctx.startRun();
      }}
    >
      <div className="run-field">
        <label htmlFor="run-host">Host</label>
        {hosts.length === 0 ? (
          <p className="run-field-note">
            No hosts yet. An admin adds one on <Link href="/hosts">Hosts</Link>; <code>npm start</code> also runs an
            agent for this machine.
          </p>
        ) : (
          <>
            <select id="run-host" value={ctx.hostId} onChange={(e) => ctx.chooseHost(e.target.value)} required>
              {!online ? <option value="">No host you may use is online</option> : null}
              {hosts.map((host) => (
                <option key={host.id} value={host.id} disabled={!usable(host)}>
                  {hostLabel(host, ctx.user, now)}
                </option>
              ))}
            </select>
            {!online ? (
              <p className="run-field-note">
                Start an agent on a host to run steps, or ask an admin to let you use one. See{" "}
                <Link href="/hosts">Hosts</Link>.
              </p>
            ) : restriction ? (
              <p className="run-field-note">Restricted to {restriction}.</p>
            ) : null}
          </>
        )}
      </div>
      {ctx.playbook.inputs.map((input) => {
        const id = `run-input-${input.name}`;
        const error = ctx.fieldErrors[input.name];
        const hint = input.secret ? "Secret: masked in the output and never stored." : input.description;
        return (
          <div className="run-field" key={input.name}>
            <label htmlFor={id}>
              {input.label} <code>${input.name}</code>
              {input.required ? <span className="run-required"> required</span> : null}
              {input.secret ? <span className="flag flag-secret">secret</span> : null}
            </label>
            <input
              id={id}
              name={input.name}
              type={input.secret ? "password" : "text"}
              value={ctx.values[input.name] ?? ""}
              placeholder={input.secret ? "" : (input.default ?? "")}
              onChange={(e) => ctx.setValue(input.name, e.target.value)}
              autoComplete={input.secret ? "new-password" : "off"}
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error ? (
              <p id={`${id}-error`} className="run-field-error">
                {error}
              </p>
            ) : hint ? (
              <p className="run-field-note">
                <InlineCodeText text={hint} />
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="run-actions">
        <button type="submit" className="button button-primary" disabled={starting || !online || !ctx.connected}>
          {ctx.pending === "start" ? "Starting…" : "Start run"}
        </button>
        {hasReadSteps ? (
          <button
            type="button"
            className="button"
            disabled={starting || !online || !ctx.connected}
            onClick={() => void ctx.runAllRead()}
          >
            Run all read steps
          </button>
        ) : null}
      </div>
    </form>
  );
}
