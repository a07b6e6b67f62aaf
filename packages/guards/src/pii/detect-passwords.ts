import { forEachMatch } from './for-each-match.js';
import { assignmentOnlyKeywords, keywordThenValue, proseKeywords, urlCredential, valueThenKeyword } from './password-patterns.js';
import { isPasswordValue } from './password-value.js';
import type { PasswordContext } from './password-value.js';
import type { PiiDetector } from './pii-detector.js';
import type { PiiMatch } from './pii-match.js';
import { trimPasswordValue } from './trim-password-value.js';

const assignmentOnly = new Set(assignmentOnlyKeywords);
const prose = new Set(proseKeywords);
const identifierCharacter = /[A-Za-z0-9]/;
const identifierSeparator = /[_.-]/;
const quote = /["']/;
const whitespace = /\s/;
const keywordHint = /pass|pwd|pw|secret/i;

/** True when the keyword ends an identifier (`db_pass`, `client-secret`, `dbPassword`) or is a quoted key (`"pass":`). */
function isIdentifier(text: string, keywordStart: number, assignment: string | undefined): boolean {
  const before = text.charAt(keywordStart - 1);
  if (identifierCharacter.test(before)) return true;
  if (quote.test(before) && assignment !== undefined && quote.test(assignment.charAt(0))) return true;
  return identifierSeparator.test(before) && identifierCharacter.test(text.charAt(keywordStart - 2));
}

function contextOf(groups: Record<string, string | undefined>, identifier: boolean): PasswordContext | undefined {
  const keyword = (groups.keyword ?? '').toLowerCase();
  if (groups.assignment !== undefined) {
    // "boarding pass: 12A" is prose; "db_pass: x", "pass=x" and "pass: Xk9#…" are credentials.
    if (prose.has(keyword) && !identifier && !groups.assignment.includes('=')) return 'loose';
    return 'assignment';
  }
  if (assignmentOnly.has(keyword)) return undefined;
  if (groups.phrase !== undefined || groups.setTo !== undefined) return 'phrase';
  return 'loose';
}

function push(found: PiiMatch[], start: number, secret: string): void {
  found.push({ type: 'PASSWORD', start, end: start + secret.length, value: secret });
}

function detectKeywordThenValue(text: string, found: PiiMatch[]): void {
  forEachMatch(keywordThenValue, text, (match) => {
    const groups = match.groups ?? {};
    const span = match.indices?.groups?.value;
    const raw = groups.value;
    const context = contextOf(groups, isIdentifier(text, match.index, groups.assignment));
    if (span === undefined || raw === undefined || context === undefined) return;
    const { offset, secret, quoted } = trimPasswordValue(raw);
    if (isPasswordValue(secret, context, quoted)) push(found, span[0] + offset, secret);
  });
}

function detectValueThenKeyword(text: string, found: PiiMatch[]): void {
  forEachMatch(valueThenKeyword, text, (match) => {
    let start = match.index;
    while (start > 0 && start > match.index - 200 && !whitespace.test(text.charAt(start - 1))) start -= 1;
    const { offset, secret, quoted } = trimPasswordValue(text.slice(start, match.index));
    if (isPasswordValue(secret, 'loose', quoted)) push(found, start + offset, secret);
  });
}

/**
 * Secret values named by a password keyword: `password: X`, `DB_PASSWORD=X`, `the password is X`,
 * `passphrase "X"`, `use X as the password`, and the password in `scheme://user:X@host`.
 * The span covers the value only, never the keyword.
 */
export const detectPasswords: PiiDetector = (text, found) => {
  if (keywordHint.test(text)) {
    detectKeywordThenValue(text, found);
    detectValueThenKeyword(text, found);
  }
  if (!text.includes('://')) return;
  forEachMatch(urlCredential, text, (match) => {
    const span = match.indices?.groups?.value;
    const secret = match.groups?.value;
    if (span !== undefined && secret !== undefined && isPasswordValue(secret, 'assignment', false)) push(found, span[0], secret);
  });
};
