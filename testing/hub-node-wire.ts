// What testing/hub-cluster.ts and testing/hub-node.ts (a hub instance in a process of its own) say
// to each other, written once: the environment a node reads, the line it prints when it listens,
// and the route a test asks about agents on. Neither imports the other: the node's module opens
// the database as it loads, the cluster's must not before it has named one.
import type { HubCounts } from "@/lib/metrics/metrics";

/** Read by the node; the rest of its environment (DATABASE_URL, REDIS_URL, ...) is the real server's. */
export const NODE_ENV_NAMES = {
  /** A JSON file of Playbook objects (testing/test-playbook.ts): the node's content index. */
  playbooks: "HUB_NODE_PLAYBOOKS",
  /** "1" to mark leftover runs and prune old ones (HubOptions.housekeeping). */
  housekeeping: "HUB_NODE_HOUSEKEEPING",
} as const;

/** The one line on stdout that says the node listens; its logs are JSON lines too. */
export interface ReadyLine {
  ready: true;
  url: string;
}

/** Agent presence is per process (lib/hosts/presence.ts): only the node itself can say whom it holds. */
export const AGENTS_PATH = "/__test/agents";

export interface AgentsReport {
  counts: HubCounts;
  /** For each `?host=` asked about, whether its agent is connected to this node. */
  connected: Record<string, boolean>;
}
