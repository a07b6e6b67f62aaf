import { forEachMatch } from './for-each-match.js';
import type { PiiDetector } from './pii-detector.js';

/** local-part@domain.tld, where the local part neither starts nor ends with a dot. */
const candidate =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;
/** `icon@2x.png`: a file name with a density suffix, not an address. */
const fileExtension = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|css|js|mjs|ts|json|html?|pdf|mp[34]|mov|zip)$/i;
/** `scheme://user:secret@host`: the part before `@` is a URL credential, not a mailbox. */
const urlUserInfoBefore = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@]*$/;

/** E-mail addresses (not the user-info part of URLs). */
export const detectEmails: PiiDetector = (text, found) => {
  if (!text.includes('@')) return;
  forEachMatch(candidate, text, (match) => {
    const value = match[0];
    if (value.includes('..') || fileExtension.test(value)) return;
    if (urlUserInfoBefore.test(text.slice(Math.max(0, match.index - 256), match.index))) return;
    found.push({ type: 'EMAIL', start: match.index, end: match.index + value.length, value });
  });
};
