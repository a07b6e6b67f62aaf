import type { EntityScan } from './entity-scan.js';

const trailingPunctuation = /[.,;:!?'"]+$/;
const url = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gi;
const email = /(?<![\w.+-])[\w.+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;
/** A bare host name on a well-known top-level domain; dotted rule ids and file names do not qualify. */
const bareDomain =
  /(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|io|co|ai|dev|app|gov|edu|info|biz|cloud|tech|xyz|uk|de|fr|eu|us|ca|au|nl|es|it|ch|se|in)(?![\w-])(?:\/[^\s<>"'()[\]{}]*)?/gi;

const domainHint =
  /\.(?:com|org|net|io|co|ai|dev|app|gov|edu|info|biz|cloud|tech|xyz|uk|de|fr|eu|us|ca|au|nl|es|it|ch|se|in)\b/i;

/** The comparable form of a URL: lower-case scheme and host, no `www.`, no trailing slash or punctuation. */
export function normaliseUrl(written: string): string {
  const trimmed = written.replace(trailingPunctuation, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const schemeEnd = withScheme.indexOf('//') + 2;
  const pathStart = withScheme.indexOf('/', schemeEnd);
  const host = (pathStart === -1 ? withScheme.slice(schemeEnd) : withScheme.slice(schemeEnd, pathStart))
    .toLowerCase()
    .replace(/^www\./, '');
  const path = pathStart === -1 ? '' : withScheme.slice(pathStart).replace(/\/+$/, '');
  return `https://${host}${path}`;
}

/** URLs, e-mail addresses (lower-cased) and bare domains. */
export function scanLinks(scan: EntityScan): void {
  if (scan.lower.includes('http') || scan.lower.includes('www.'))
    scan.take(url, (match) => ({ kind: 'url', value: normaliseUrl(match[0]) }));
  if (scan.working.includes('@')) scan.take(email, (match) => ({ kind: 'email', value: match[0].toLowerCase() }));
  if (domainHint.test(scan.working)) scan.take(bareDomain, (match) => ({ kind: 'url', value: normaliseUrl(match[0]) }));
}
