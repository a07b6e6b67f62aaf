import type { Clock } from '@dax/core';
import type { KyselyGateStore } from '@dax/store';
import type { Rotations } from './load-rotations.js';
import { sendWebhook } from './send-webhook.js';

export interface DeliveryContext {
  readonly gates: KyselyGateStore;
  readonly rotations: Rotations;
  readonly clock: Clock;
  /** This replica's id and how long its claim on a delivery lasts. */
  readonly owner: string;
  readonly claimUntil: string;
}

export interface DeliveryOutcome {
  readonly delivered: number;
  readonly failed: number;
  /** Gates with at least one delivery sent in this pass. */
  readonly deliveredGateIds: readonly string[];
}

/**
 * Sends due outbox deliveries (all, or one gate's), each claimed first so one
 * replica sends it. A failure is retried with exponential backoff (`backoffMs`,
 * doubling) until `maxAttempts`, then marked failed; every attempt's outcome is
 * recorded on the delivery, so nothing is dropped silently.
 */
export async function deliverNotifications(context: DeliveryContext, now: Date, gateId?: string): Promise<DeliveryOutcome> {
  const { gates, rotations } = context;
  let delivered = 0;
  let failed = 0;
  const deliveredGateIds = new Set<string>();
  const due = await gates.claimDueNotifications(now.toISOString(), context.owner, context.claimUntil, 100, gateId);
  for (const notification of due) {
    const target = rotations.file.webhooks.find((webhook) => webhook.name === notification.target);
    const secrets = rotations.secrets.get(notification.target);
    const attempts = notification.attempts + 1;
    const at = context.clock.now();
    if (target === undefined || secrets === undefined) {
      await gates.recordDelivery(notification.id, { status: 'failed', attempts, at: at.toISOString(), error: 'target no longer configured' });
      failed += 1;
      continue;
    }
    const outcome = await sendWebhook(target, secrets, { id: notification.id, payload: notification.payload, nowSeconds: Math.floor(at.getTime() / 1000) });
    if (outcome.ok) {
      await gates.recordDelivery(notification.id, { status: 'sent', attempts, at: at.toISOString() });
      delivered += 1;
      deliveredGateIds.add(notification.gateId);
    } else if (attempts >= target.maxAttempts) {
      await gates.recordDelivery(notification.id, { status: 'failed', attempts, at: at.toISOString(), error: outcome.error });
      failed += 1;
    } else {
      const nextAttemptAt = new Date(at.getTime() + target.backoffMs * 2 ** (attempts - 1)).toISOString();
      await gates.recordDelivery(notification.id, { status: 'pending', attempts, at: at.toISOString(), nextAttemptAt, error: outcome.error });
    }
  }
  return { delivered, failed, deliveredGateIds: [...deliveredGateIds] };
}
