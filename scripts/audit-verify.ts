// Checks the audit trail's hash chain: `npm run audit:verify` (the database from DATABASE_URL).
// Names the first broken link and exits 1; on an intact chain prints its head, to record and compare
// later (deleting the newest events leaves no gap, only a shorter head).
import { db } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/runs/audit-chain";

const result = await verifyAuditChain();
await db.$disconnect();
if (!result.ok) {
  const { id, seq, at, problem } = result.broken;
  console.log(`${result.checked} events intact, then broken at seq ${seq}, event ${id} (${at}): ${problem}`);
  process.exit(1);
}
const head = result.head ? `head seq ${result.head.seq} hash ${result.head.hash}` : "no chained events yet";
const before = result.unchained > 0 ? ` (${result.unchained} written before the chain existed, not covered)` : "";
console.log(`${result.checked} events checked, chain intact; ${head}${before}`);
