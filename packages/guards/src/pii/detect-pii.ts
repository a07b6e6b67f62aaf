import { detectApiTokens } from './detect-api-tokens.js';
import { detectCreditCards } from './detect-credit-cards.js';
import { detectEmails } from './detect-emails.js';
import { detectIbans } from './detect-ibans.js';
import { detectIpAddresses } from './detect-ip-addresses.js';
import { detectJwts } from './detect-jwts.js';
import { detectPasswords } from './detect-passwords.js';
import { detectPhones } from './detect-phones.js';
import { detectPrivateKeys } from './detect-private-keys.js';
import { detectSsns } from './detect-ssns.js';
import type { PiiDetector } from './pii-detector.js';
import type { PiiMatch } from './pii-match.js';
import { resolveOverlaps } from './resolve-overlaps.js';

const hasDigit = /\d/;

/** Detectors that only ever match text containing a digit. */
const numericDetectors: readonly PiiDetector[] = [detectIbans, detectCreditCards, detectSsns, detectIpAddresses, detectPhones];
const textDetectors: readonly PiiDetector[] = [detectPrivateKeys, detectJwts, detectApiTokens, detectEmails, detectPasswords];

/**
 * Finds personal data and secrets in `text`: sorted, non-overlapping matches with UTF-16 offsets.
 * Checksums and ranges are validated (Luhn, IBAN mod-97, SSN ranges, IP octets, JWT headers).
 */
export function detectPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const detector of textDetectors) detector(text, found);
  if (hasDigit.test(text)) {
    for (const detector of numericDetectors) detector(text, found);
  }
  return resolveOverlaps(found);
}
