// First-start work that needs the database and the server's URL, run once the port is open.
import { ensureSetupToken } from "../lib/auth/setup-token";
import { seedIncidents } from "../lib/incidents/seed-incidents";
import { registerIncidentSearch } from "../lib/incidents/search-source";
import { log } from "../lib/log";

export async function runStartupTasks(listenUrl: string): Promise<void> {
  // Behind a proxy, BASE_URL is the address people use; the listen address would be unreachable.
  const url = process.env.BASE_URL?.replace(/\/+$/, "") || listenUrl;
  const token = await ensureSetupToken(url);
  if (token) {
    // Said plainly as well as in the JSON log: this is the first thing a newcomer needs.
    console.log(`\n  No users yet. Create the first admin at ${url}/setup (from this machine),\n  or from elsewhere with ${url}/setup?token=${token}\n`);
  }
  registerIncidentSearch();
  try {
    await seedIncidents();
  } catch (err) {
    // Seeds are a convenience; a failure must not keep the site down.
    log.error({ err }, "seeding incidents failed");
  }
}
