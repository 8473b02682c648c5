// The delivery log for the admin page: newest first.
import "server-only";
import { db } from "@/lib/db/client";

export const DELIVERY_LOG_ROWS = 50;

export async function listDeliveries(take = DELIVERY_LOG_ROWS) {
  return db.notificationDelivery.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
      deliveredAt: true,
      target: { select: { name: true, kind: true } },
    },
  });
}
