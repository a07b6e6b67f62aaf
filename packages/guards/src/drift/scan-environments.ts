import type { EntityScan } from './entity-scan.js';
import { allEnvironments, allRegions, regionPattern } from './environment-names.js';
import { isNegatedMention } from './is-negated-mention.js';

const environmentNoun = String.raw`(?:environments?|envs?|servers?|clusters?|databases?|dbs?|instances?|stacks?|namespaces?|tiers?|sites?|systems?|deployments?|accounts?|projects?|slots?|builds?)`;

const prefixedTier = /(?<![\w./])(pre|non)-?prod(?:uction)?(?![\w])/gi;
const mainTier = /(?<![\w./])(production|prod|staging)(?![\w]|-(?:ready|grade|like|quality|worthy))/gi;
const liveTier = new RegExp(
  String.raw`\b(?:go(?:es|ing)?\s+live|went\s+live|(?:in|on|into)\s+live(?=\s*[.,;:)]|\s*$)|live(?=\s+${environmentNoun}\b|\s+(?:traffic|data|tables?|site|website|app|service)\b))`,
  'gi',
);
const otherTier = new RegExp(
  String.raw`(?:\b(in|on|into|to|against|from)\s+(?:the\s+)?)?(?<![\w./#-])(dev|development|test|testing|qa|uat|sandbox)(?![\w-])(\s+${environmentNoun}\b)?`,
  'gi',
);
const everyTarget =
  /\b(?:all|every|each)\s+(?:(regions?|data\s*cent(?:er|re)s?|zones?)|(environments?|envs?|stages?|tiers?))\b/gi;

const otherNames: Readonly<Record<string, string>> = {
  dev: 'development',
  development: 'development',
  test: 'test',
  testing: 'test',
  qa: 'qa',
  uat: 'uat',
  sandbox: 'sandbox',
};

function endOf(match: RegExpExecArray): number {
  return match.index + match[0].length;
}

/**
 * Environments and regions: production (`prod`, `live`), staging, development, test, QA, UAT, sandbox,
 * pre-production, cloud regions, and "all regions" or "all environments". A mention in a negated
 * phrase ("not production", "production stays untouched") is consumed but not recorded: the negation
 * scanner keeps that constraint.
 */
export function scanEnvironments(scan: EntityScan): void {
  if (scan.hasCue('mainTier')) takeMainTiers(scan);
  if (scan.hasCue('live')) {
    scan.take(liveTier, (match) =>
      isNegatedMention(scan.original, match.index, endOf(match)) ? [] : { kind: 'environment', value: 'production' },
    );
  }
  if (scan.hasCue('otherTier')) takeOtherTiers(scan);
  if (scan.hasCue('every')) {
    scan.take(everyTarget, (match) => ({
      kind: 'environment',
      value: match[1] === undefined ? allEnvironments : allRegions,
    }));
  }
  if (scan.hasCue('region')) {
    scan.take(regionPattern, (match) =>
      isNegatedMention(scan.original, match.index, endOf(match))
        ? []
        : { kind: 'environment', value: match[0].toLowerCase() },
    );
  }
}

function takeMainTiers(scan: EntityScan): void {
  scan.take(prefixedTier, (match) => {
    if (isNegatedMention(scan.original, match.index, endOf(match))) return [];
    const value = (match[1] ?? '').toLowerCase() === 'pre' ? 'preproduction' : 'non-production';
    return { kind: 'environment', value };
  });
  scan.take(mainTier, (match) => {
    if (isNegatedMention(scan.original, match.index, endOf(match))) return [];
    const value = (match[1] ?? '').toLowerCase() === 'staging' ? 'staging' : 'production';
    return { kind: 'environment', value };
  });
}

function takeOtherTiers(scan: EntityScan): void {
  scan.take(otherTier, (match) => {
    const word = (match[2] ?? '').toLowerCase();
    const preposition = (match[1] ?? '').toLowerCase();
    const withNoun = match[3] !== undefined;
    const accepted =
      word === 'sandbox' ||
      withNoun ||
      (preposition !== '' && word !== 'test' && word !== 'testing') ||
      ['in', 'on', 'against'].includes(preposition);
    if (!accepted) return undefined;
    const wordStart = match.index + match[0].toLowerCase().indexOf(word, preposition.length);
    if (isNegatedMention(scan.original, wordStart, endOf(match))) return [];
    return { kind: 'environment', value: otherNames[word] ?? word };
  });
}
