// Start-up work of the custom server, the one process every way of running Casebook goes through
// (npm start, npm run dev, the e2e and bench servers). Registrations go here rather than into the
// pages or route handlers that use them: the registries are process singletons
// (lib/process-singleton.ts), so what this copy of lib/ registers, the Next bundle's copy sees.
import { ensureSetupToken } from "../lib/auth/setup-token";
import { seedIncidents } from "../lib/incidents/seed-incidents";
import { registerIncidentSearch } from "../lib/incidents/search-source";
import { log } from "../lib/log";
import { startDeliveryWorker } from "../lib/notifications/delivery-worker";
import { registerIncidentNotifications } from "../lib/notifications/incident-listener";

/** Fills the process's registries; runs before the port opens, so no request finds them empty. */
export function registerAtStartup(): void {
  registerIncidentSearch();
  registerIncidentNotifications();
}

/** First-start work that needs the database and the server's URL, run once the port is open. */
export async function runStartupTasks(listenUrl: string): Promise<void> {
  // Behind a proxy, BASE_URL is the address people use; the listen address would be unreachable.
  const url = process.env.BASE_URL?.replace(/\/+$/, "") || listenUrl;
  const token = await ensureSetupToken(url);
  if (token) {
    // Said plainly as well as in the JSON log: this is the first thing a newcomer needs.
    console.log(
      `\n  No users yet. Create the first admin at ${url}/setup (from this machine),\n` +
        `  or from elsewhere with ${url}/setup?token=${token}\n`,
    );
  }
  // Queued notifications (and their retries) are sent from here on, including those left by the last run.
  startDeliveryWorker();
  try {
    await seedIncidents();
  } catch (err) {
    // Seeds are a convenience; a failure must not keep the site down.
    log.error({ err }, "seeding incidents failed");
  }
}
