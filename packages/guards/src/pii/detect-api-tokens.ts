import { forEachMatch } from './for-each-match.js';
import type { PiiDetector } from './pii-detector.js';
import type { PiiType } from './pii-type.js';

interface TokenRule {
  readonly type: PiiType;
  /** Cheap substring that every match contains, checked before running the pattern. */
  readonly marker: string;
  readonly pattern: RegExp;
  /** Extra check on the matched token (e.g. that random-looking keys mix letters and digits). */
  readonly accept?: (token: string) => boolean;
}

const hasDigit = /\d/;
const hasUpper = /[A-Z]/;
const hasLower = /[a-z]/;

function looksRandom(token: string): boolean {
  return hasDigit.test(token) && hasUpper.test(token) && hasLower.test(token);
}

const tokenRules: readonly TokenRule[] = [
  {
    type: 'AWS_ACCESS_KEY',
    marker: 'A',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  {
    type: 'GITHUB_TOKEN',
    marker: 'gh',
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,251})(?![A-Za-z0-9_])/g,
  },
  {
    type: 'SLACK_TOKEN',
    marker: 'xox',
    pattern: /(?<![A-Za-z0-9-])xox[abpors]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9-])/g,
    accept: (token) => token.length >= 20 && hasDigit.test(token) && !token.endsWith('-'),
  },
  {
    type: 'OPENAI_KEY',
    marker: 'sk-',
    pattern: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g,
    accept: looksRandom,
  },
];

/** Provider credentials recognised by their documented prefixes: AWS, GitHub, Slack, OpenAI. */
export const detectApiTokens: PiiDetector = (text, found) => {
  for (const rule of tokenRules) {
    if (!text.includes(rule.marker)) continue;
    forEachMatch(rule.pattern, text, (match) => {
      const token = match[0];
      if (rule.accept !== undefined && !rule.accept(token)) return;
      found.push({ type: rule.type, start: match.index, end: match.index + token.length, value: token });
    });
  }
};
