/** Where money goes back to, by category. The refund "original payment method" is the default destination. */
export const originalPaymentMethod = 'original payment method';

export const instrumentPattern =
  /\b(?:(original|same)\s+(?:payment\s+method|method\s+of\s+payment|form\s+of\s+payment|payment\s+(?:card|source)|card|account)|(card\s+on\s+file)|(store|account|in-app|shop)\s+credit|(wallet)(?:\s+balance)?|(gift\s+card)|(credit\s+balance)|(backup|secondary|alternate|alternative|other|different|new|spare)\s+(?:card|payment\s+method))\b/gi;

/** The category for a match of `instrumentPattern`. */
export function instrumentCategory(match: RegExpExecArray): string {
  if (match[1] !== undefined || match[2] !== undefined) return originalPaymentMethod;
  if (match[7] !== undefined) return 'alternate card';
  return 'store credit';
}

const instrumentValues = new Set([originalPaymentMethod, 'alternate card', 'store credit']);

/** True for an account value that is a payment category rather than a number. */
export function isInstrumentValue(value: string): boolean {
  return instrumentValues.has(value);
}
