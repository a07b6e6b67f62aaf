import { signatureHeader, signWebhook, timestampHeader } from './sign-webhook.js';
import type { WebhookSecrets } from './load-rotations.js';
import type { WebhookTarget } from './rotations-config.js';

export type WebhookOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * POSTs one signed notification. The error text is safe to store and show: a
 * status code or a network error name, never the receiver's body.
 */
export async function sendWebhook(
  target: WebhookTarget,
  secrets: WebhookSecrets,
  delivery: { readonly id: string; readonly payload: unknown; readonly nowSeconds: number },
): Promise<WebhookOutcome> {
  const payload =
    target.format === 'pagerduty' && typeof delivery.payload === 'object' && delivery.payload !== null
      ? { routing_key: secrets.routingKey, ...delivery.payload }
      : delivery.payload;
  const body = JSON.stringify(payload);
  const timestamp = String(delivery.nowSeconds);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'dax-gateway',
        'x-dax-delivery': delivery.id,
        [timestampHeader]: timestamp,
        [signatureHeader]: signWebhook(secrets.secret, timestamp, body),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? (error.name === 'TypeError' && error.cause instanceof Error ? ((error.cause as { code?: string }).code ?? error.cause.name) : error.name) : 'Error';
    return { ok: false, error: `network: ${name}` };
  }
}
