// What Casebook tells the outside world about, and how it says it: the JSON an outgoing webhook
// gets, and the Slack-compatible `{ text, blocks }` an incoming webhook gets. Pure.
import { serverBaseUrl } from "@/lib/auth/origins";

export interface IncidentHead {
  id: string;
  title: string;
  severity: string;
  status: string;
}

export type NotificationEvent =
  | { type: "incident.opened"; incident: IncidentHead }
  | { type: "incident.status"; incident: IncidentHead; from: string; by: string | null }
  | {
      type: "triage.step-failed";
      incident: IncidentHead;
      run: { id: string; playbook: string; host: string };
      step: { id: string; title: string; verdict: string; exitCode: number | null };
      excerpt: string;
    };

export const EVENT_TYPES = ["incident.opened", "incident.status", "triage.step-failed"] as const;

const link = (path: string) => new URL(path, serverBaseUrl()).toString();

export function webhookBody(event: NotificationEvent, at: Date): string {
  const urls: Record<string, string> = { incident: link(`/incidents/${event.incident.id}`) };
  if (event.type === "triage.step-failed") urls.run = link(`/runs/${event.run.id}`);
  return JSON.stringify({ ...event, at: at.toISOString(), urls });
}

/** Slack's mrkdwn needs &, < and > escaped; everything else is shown as written. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackText(event: NotificationEvent): string {
  const i = event.incident;
  const incident = `<${link(`/incidents/${i.id}`)}|${esc(i.title)}>`;
  switch (event.type) {
    case "incident.opened":
      return `:rotating_light: ${i.severity} incident opened: ${incident}`;
    case "incident.status":
      return `Incident ${incident} is now *${i.status}* (was ${event.from})` + (event.by ? ` — ${esc(event.by)}` : "");
    case "triage.step-failed":
      return (
        `:x: Triage of ${incident}: step \`${esc(event.step.id)}\` of ${esc(event.run.playbook)} ` +
        `*${event.step.verdict}* on ${esc(event.run.host)} (<${link(`/runs/${event.run.id}`)}|run>)`
      );
  }
}

export function slackBody(event: NotificationEvent): string {
  const text = slackText(event);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (event.type === "triage.step-failed" && event.excerpt) {
    // Slack caps a section's text at 3000 characters.
    const excerpt = esc(event.excerpt).slice(-2800);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "```" + excerpt + "```" } });
  }
  return JSON.stringify({ text, blocks });
}
