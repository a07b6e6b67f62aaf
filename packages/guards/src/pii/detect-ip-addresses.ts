import { forEachMatch } from './for-each-match.js';
import { isValidIpv4 } from './is-valid-ipv4.js';
import { isValidIpv6 } from './is-valid-ipv6.js';
import type { PiiDetector } from './pii-detector.js';
import type { PiiMatch } from './pii-match.js';

/** Four dotted numbers, not part of a longer dotted number (versions with five parts, OIDs). */
const ipv4Candidate = /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/g;
/** Hex groups and colons (at least two), optionally ending in a dotted IPv4 tail. */
const ipv6Candidate =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,8}(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
/** A dotted quad right after these words is a version or build number, not an address. */
const versionLabel = /\b(?:v|ver|version|versions|build|release|firmware|kernel|update|patch|sdk|api)\s*[:#]?\s*$/i;
const hasDigit = /\d/;

function isVersionNumber(text: string, start: number): boolean {
  return versionLabel.test(text.slice(Math.max(0, start - 16), start));
}

function pushIpv6(text: string, start: number, candidate: string, found: PiiMatch[]): void {
  // A colon may end a sentence or label right after an address.
  const value = candidate.endsWith(':') && !candidate.endsWith('::') ? candidate.slice(0, -1) : candidate;
  if (!hasDigit.test(value) || !isValidIpv6(value)) return;
  found.push({ type: 'IP_ADDRESS', start, end: start + value.length, value });
}

/** IPv4 addresses with octets 0..255 and textual IPv6 addresses. */
export const detectIpAddresses: PiiDetector = (text, found) => {
  if (text.includes('.')) {
    forEachMatch(ipv4Candidate, text, (match) => {
      if (!isValidIpv4(match[0]) || isVersionNumber(text, match.index)) return;
      found.push({ type: 'IP_ADDRESS', start: match.index, end: match.index + match[0].length, value: match[0] });
    });
  }
  if (text.includes(':')) {
    forEachMatch(ipv6Candidate, text, (match) => {
      pushIpv6(text, match.index, match[0], found);
    });
  }
};
