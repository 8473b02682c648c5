// Queues an event for every target: one delivery row each, with the body as it will be sent, and
// wakes the worker. The rows are the queue, so a delivery still due survives a restart.
import "server-only";
import { db } from "@/lib/db/client";
import { wakeDeliveryWorker } from "./delivery-worker";
import { slackBody, webhookBody, type NotificationEvent } from "./events";

export async function notify(event: NotificationEvent, now = new Date()): Promise<number> {
  const targets = await db.notificationTarget.findMany({ select: { id: true, kind: true } });
  if (targets.length === 0) return 0;
  await db.notificationDelivery.createMany({
    data: targets.map((t) => ({
      targetId: t.id,
      event: event.type,
      body: t.kind === "slack" ? slackBody(event) : webhookBody(event, now),
      nextAttemptAt: now,
    })),
  });
  wakeDeliveryWorker();
  return targets.length;
}
