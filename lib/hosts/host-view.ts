// A Host row as the UI sees it: never the token hash.
import type { Host } from "@/lib/db/generated/client";
import { isRisk } from "@/lib/playbooks/format";
import type { HostView } from "@/lib/runs/protocol";
import { isOnline } from "./presence";

type HostPolicy = NonNullable<HostView["policy"]>;

function policyOf(value: unknown): HostPolicy | null {
  if (!value || typeof value !== "object") return null;
  const p = value as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null);
  if (!isRisk(p.maxRisk)) return null;
  return { maxRisk: p.maxRisk, allowTags: list(p.allowTags), allowPlaybooks: list(p.allowPlaybooks) };
}

export function toHostView(host: Host): HostView {
  return {
    id: host.id,
    name: host.name,
    local: host.local,
    online: !host.revokedAt && isOnline(host.id),
    lastSeenAt: host.lastSeenAt?.toISOString() ?? null,
    os: host.os,
    agentVersion: host.agentVersion,
    policy: policyOf(host.policy),
    revoked: host.revokedAt !== null,
    tokenPrefix: host.tokenPrefix,
    createdAt: host.createdAt.toISOString(),
  };
}
