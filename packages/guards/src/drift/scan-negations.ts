import type { EntityScan } from './entity-scan.js';
import { letterClass } from './letter-class.js';

const wordPattern = String.raw`[${letterClass}][${letterClass}'-]*`;
const negatedVerb = new RegExp(
  String.raw`(?<![${letterClass}'])(do\s+not|don't|never|must\s+not|mustn't|should\s+not|shouldn't|shall\s+not|not\s+to|no\s+need\s+to|avoid|refrain\s+from|without|skip|hold\s+off(?:\s+on)?|(?:under\s+no\s+circumstances|in\s+no\s+case|at\s+no\s+(?:point|time))(?:\s+(?:should|must|may|can|will|shall|are|is)(?:\s+(?:you|we|they|anyone|anybody))?)?)\s+(?:(?:be|yet|ever|actually|further|also|then|even|need\s+to|have\s+to|go\s+ahead\s+and|try\s+to|bother\s+to)\s+)?(${wordPattern})([^.;:!?\n]*)`,
  'gi',
);
const exception = new RegExp(
  String.raw`(?<![${letterClass}])(?:except(?:\s+for)?|excluding|exclude|omit|other\s+than|apart\s+from|but\s+not|leav(?:e|ing)\s+out|(?<=,)\s*not)\s+([^.;:,()!?\n]{1,60})`,
  'gi',
);
/** Turning something down states that it must not be accepted or approved. */
const refusal =
  /(?:^|[.;:!?\n]\s*|\b(?:and|then|please|but)\s+)(?:politely\s+)?(decline|reject|deny|refuse|turn\s+down)\b/gi;
const keepState =
  /\b(?:keep|leave|retain|preserve)\s+([^.;:,()!?\n]{1,50}?)\s+(?:active|enabled|on|intact|untouched|in\s+place|as\s+is|as\s+it\s+is|unchanged|running|open|alone|live)\b/gi;
const butKeep = /\bbut\s+(?:keep|retain|preserve)\s+([^.;:,()!?\n]{1,50})/gi;

const descriptiveBefore =
  /(?:\b(?:if|when|whenever|unless|whether|because|since|who|which|that|they|it|he|she|we|i|has|have|had|was|were|is|are)\s+(?:\S+\s+){0,3})$/i;
const conditionAfter = /\b(?:without|until|unless|before|prior\s+to|if|except)\b/i;
const notVerbs = new Set([
  'the',
  'a',
  'an',
  'any',
  'anyone',
  'anything',
  'them',
  'it',
  'this',
  'that',
  'their',
  'his',
  'her',
  'be',
  'just',
  'only',
  'more',
  'all',
]);
const objectFillers = new Set([
  'the',
  'a',
  'an',
  'any',
  'anything',
  'anyone',
  'those',
  'these',
  'that',
  'this',
  'all',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'for',
  'of',
  'ones',
  'one',
  'items',
  'stuff',
]);
const objectEnd = /^(?:and|or|but|then|so|because|which|who|that|when|if|until|unless|from|to|in|on|at|by|with)$/i;

/** The first few content words of an object phrase, quotes removed (letter case kept so names can be masked). */
function objectWords(phrase: string): string {
  const words: string[] = [];
  for (const raw of phrase.split(/\s+/)) {
    const word = raw.replace(/^['"]+|['"]+$/g, '');
    if (word === '') continue;
    if (objectEnd.test(word)) {
      if (words.length > 0) break;
      continue;
    }
    if (objectFillers.has(word.toLowerCase())) continue;
    words.push(word);
    if (words.length === 4) break;
  }
  return words.join(' ');
}

/**
 * Negations the intent states, as `not <verb>` ("do not notify", "without notifying", "never share"),
 * `except <object>` ("except #legal-hold", "…, not the reserve") and `keep <object>` ("keep their
 * email forwarding active", "leave anything tagged 'legal' untouched"). Descriptive negations
 * ("if they do not pay") and conditions ("do not deploy until …") are not recorded.
 */
export function scanNegations(scan: EntityScan): void {
  if (scan.hasCue('negatedVerb')) takeNegatedVerbs(scan);
  if (scan.hasCue('exception')) takeConstraints(scan, exception, 'except');
  if (scan.hasCue('refusal')) takeRefusals(scan);
  if (scan.hasCue('keep')) {
    takeConstraints(scan, keepState, 'keep');
    if (!scan.entities.some((entity) => entity.kind === 'negation' && entity.value.startsWith('keep '))) {
      takeConstraints(scan, butKeep, 'keep');
    }
  }
}

function takeNegatedVerbs(scan: EntityScan): void {
  const text = scan.original;
  negatedVerb.lastIndex = 0;
  for (let match = negatedVerb.exec(text); match !== null; match = negatedVerb.exec(text)) {
    const cue = (match[1] ?? '').toLowerCase();
    const verb = (match[2] ?? '').toLowerCase();
    if (notVerbs.has(verb)) continue;
    if (/^(?:without|avoid|skip|hold)/.test(cue) && !verb.endsWith('ing')) continue;
    if (!cue.startsWith('without') && conditionAfter.test(match[3] ?? '')) continue;
    const plainCue = /^(?:do\s+not|don't|never)$/.test(cue);
    if (plainCue && descriptiveBefore.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    scan.add({ kind: 'negation', value: `not ${verb}` }, match.index);
  }
}

function takeRefusals(scan: EntityScan): void {
  refusal.lastIndex = 0;
  for (let match = refusal.exec(scan.original); match !== null; match = refusal.exec(scan.original)) {
    scan.add({ kind: 'negation', value: 'not accept' }, match.index);
    scan.add({ kind: 'negation', value: 'not approve' }, match.index);
  }
}

function takeConstraints(scan: EntityScan, pattern: RegExp, label: 'except' | 'keep'): void {
  const text = scan.original;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const words = objectWords(match[1] ?? '');
    scan.add({ kind: 'negation', value: words === '' ? label : `${label} ${words}` }, match.index);
  }
}
