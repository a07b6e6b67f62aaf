import { externalRecipients, internalRecipients } from './risk-vocabulary.js';

export type RecipientScope = 'external' | 'internal' | 'unknown';

const external = new RegExp(`\\b${externalRecipients}(?!\\w)`);
const internal = new RegExp(`(?<![\\w#])${internalRecipients}(?!\\w)`);

/** Who receives what the request sends: any outside party wins over inside ones (fail closed). */
export function recipientScope(actionText: string): RecipientScope {
  if (external.test(actionText)) return 'external';
  if (internal.test(actionText)) return 'internal';
  return 'unknown';
}
