import type { EntityScan } from './entity-scan.js';
import type { EntityQualifier } from './scanned-entity.js';
import { isSentenceStart } from './is-sentence-start.js';
import { letterClass } from './letter-class.js';
import { nameStopWords } from './name-stop-words.js';

const capitalised = String.raw`[A-Z\u00C0-\u00D6\u00D8-\u00DE][${letterClass}'-]*`;
const nameRun = new RegExp(
  String.raw`(?<![${letterClass}\d_'-])${capitalised}(?: (?:(?:van|von|de|da|del|der|di|du|la|le|bin|al) )?${capitalised})*`,
  'g',
);
const particles = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'bin', 'al']);
const partyWords = new Set([
  'to', 'for', 'with', 'cc', 'bcc', 'pay', 'paying', 'email', 'emailing', 'e-mail', 'call', 'calling',
  'notify', 'invite', 'tell', 'ask', 'message', 'ping', 'attn', 'recipient', 'recipients', 'payee',
  'beneficiary', 'remind', 'inform', 'contact', 'text', 'dm', 'at',
]);
const honorifics = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sir', 'madam']);
const skippedBefore = new Set([' ', '\t', ',', ':', ';', '\u0001']);

/** Letters (ASCII and Latin ranges) and the hyphen. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 45 || (code >= 0xc0 && code <= 0x24f);
}

/** The lower-case word before `start`, skipping spaces, `,` `:` `;` and, for titles ("Dr. Okafor"), one `.`. */
function wordBefore(text: string, start: number, afterTitle: boolean): string {
  let end = start;
  while (end > 0 && skippedBefore.has(text[end - 1] ?? '')) end -= 1;
  if (afterTitle && text[end - 1] === '.') end -= 1;
  let begin = end;
  while (begin > 0 && isWordCharacter(text.charCodeAt(begin - 1))) begin -= 1;
  return text.slice(begin, end).toLowerCase();
}

interface NameToken {
  readonly text: string;
  readonly start: number;
  readonly keep: boolean;
}

/** Removes a possessive (`Globex's`, `Torres'`) and trailing hyphens. */
function cleanToken(written: string): string {
  let end = written.length;
  if (end > 2 && written[end - 1] === 's' && written[end - 2] === "'") end -= 2;
  else if (written[end - 1] === "'") end -= 1;
  while (end > 0 && written[end - 1] === '-') end -= 1;
  return end === written.length ? written : written.slice(0, end);
}

function hasLowerCase(word: string): boolean {
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if ((code >= 97 && code <= 122) || code >= 0xdf) return true;
  }
  return false;
}

function isNameWord(word: string): boolean {
  if (word.length < 2 || particles.has(word) || !hasLowerCase(word)) return false;
  return !nameStopWords.has(word.toLowerCase());
}

function tokensOf(run: string, runStart: number): NameToken[] {
  const tokens: NameToken[] = [];
  let offset = runStart;
  for (const written of run.split(' ')) {
    const text = cleanToken(written);
    tokens.push({ text, start: offset, keep: isNameWord(text) || particles.has(text) });
    offset += written.length + 1;
  }
  return tokens;
}

function segmentsOf(tokens: readonly NameToken[]): NameToken[][] {
  const segments: NameToken[][] = [];
  let current: NameToken[] = [];
  for (const token of tokens) {
    if (token.keep) {
      current.push(token);
      continue;
    }
    if (current.length > 0) segments.push(current);
    current = [];
  }
  if (current.length > 0) segments.push(current);
  return segments.map((segment) => {
    let first = 0;
    let last = segment.length;
    while (first < last && particles.has(segment[first]?.text ?? '')) first += 1;
    while (last > first && particles.has(segment[last - 1]?.text ?? '')) last -= 1;
    return segment.slice(first, last);
  }).filter((segment) => segment.length > 0);
}

function isPartyPosition(text: string, start: number): boolean {
  return partyWords.has(wordBefore(text, start, false));
}

/**
 * People and organisations: runs of capitalised words that are not common words, verbs, labels or
 * calendar words ("Northwind Traders", "Priya Nair"). A run of two or more words is a name wherever it
 * stands; a single word is a name when it follows a recipient word or a title ("email Tom", "Dr. Okafor"),
 * and is otherwise kept as a weak mention (`weak`, or `opening` at the start of a sentence). A run that
 * starts a sentence may begin with a verb (`initial`).
 */
export function scanNames(scan: EntityScan): void {
  const text = scan.working;
  nameRun.lastIndex = 0;
  for (let run = nameRun.exec(text); run !== null; run = nameRun.exec(text)) {
    // Most runs are one capitalised common word ("The", "Please"): no name, and nothing to split.
    if (!run[0].includes(' ') && !isNameWord(cleanToken(run[0]))) continue;
    for (const segment of segmentsOf(tokensOf(run[0], run.index))) {
      const start = segment[0]?.start ?? run.index;
      const titled = honorifics.has(wordBefore(scan.original, start, true));
      const initial = !titled && isSentenceStart(text, start);
      const words = segment.map((token) => token.text);
      let qualifier: EntityQualifier | undefined;
      if (words.length >= 2) qualifier = initial ? 'initial' : undefined;
      else if (titled || isPartyPosition(scan.original, start)) qualifier = undefined;
      else qualifier = initial ? 'opening' : 'weak';
      const value = initial && words.length >= 3 ? words.slice(1).join(' ') : words.join(' ');
      scan.add(qualifier === undefined ? { kind: 'payee', value } : { kind: 'payee', value, qualifier }, start);
    }
  }
}
