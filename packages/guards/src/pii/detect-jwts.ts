import { forEachMatch } from './for-each-match.js';
import { isJwtHeader } from './is-jwt-header.js';
import type { PiiDetector } from './pii-detector.js';

/** A base64url JSON header (`eyJ` is `{"`) followed by dot-separated base64url segments. */
const candidate = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){2,4}/g;

/** JWS (3 segments) and JWE (5 segments) compact tokens whose header decodes to JSON with `alg`. */
export const detectJwts: PiiDetector = (text, found) => {
  if (!text.includes('eyJ')) return;
  forEachMatch(candidate, text, (match) => {
    let token = match[0];
    // A sentence may end right after the token: drop trailing dots that leave an empty segment.
    while (token.endsWith('.') && token.split('.').length > 3) token = token.slice(0, -1);
    const segments = token.split('.');
    if (segments.length !== 3 && segments.length !== 5) return;
    if (segments[1] === '' || !isJwtHeader(segments[0] ?? '')) return;
    found.push({ type: 'JWT', start: match.index, end: match.index + token.length, value: token });
  });
};
