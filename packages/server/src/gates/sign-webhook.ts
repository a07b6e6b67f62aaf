import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-dax-signature';
export const timestampHeader = 'x-dax-timestamp';

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the receiver recomputes it with the shared secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a received signature in constant time, and that the timestamp is within
 * `toleranceSeconds` of `nowSeconds` (a replayed old delivery fails).
 */
export function verifyWebhook(
  secret: string,
  received: { readonly timestamp: string; readonly signature: string; readonly body: string },
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const sentAt = Number(received.timestamp);
  if (!Number.isSafeInteger(sentAt) || Math.abs(nowSeconds - sentAt) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, received.timestamp, received.body));
  const actual = Buffer.from(received.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
