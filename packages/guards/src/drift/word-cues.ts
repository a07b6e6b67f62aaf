import { monthWords, weekdays } from './calendar-words.js';
import { quantityUnitWords } from './canonical-unit.js';
import { systemNouns } from './system-nouns.js';

function withPlurals(words: readonly string[]): string[] {
  return words.flatMap((word) => [word, `${word}s`, `${word}es`]);
}

/**
 * Words whose presence lets a scanner run its patterns: checking one table of cues per text is far
 * cheaper than running every pattern over text that cannot match it. Lower case, whole words.
 */
const cueWords = {
  month: [...monthWords],
  weekday: weekdays.flatMap((weekday) => [weekday, `${weekday}s`]),
  relativeDay: [
    'today', 'tonight', 'tomorrow', 'yesterday', 'immediately', 'right', 'asap', 'soon', 'week', 'weekend', 'month',
    'quarter', 'year', 'end', 'close', 'eod', 'eow', 'eom', 'eoq', 'eoy', 'cob',
  ],
  now: ['now'],
  frequency: [
    'per', 'every', 'each', 'hour', 'hr', 'day', 'week', 'wk', 'month', 'mo', 'year', 'yr', 'quarter', 'fortnight',
    'hourly', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'annually', 'annual', 'fortnightly', 'biweekly',
  ],
  meridiem: ['am', 'pm', 'm'],
  namedTime: ['noon', 'midday', 'midnight'],
  instrument: ['card', 'method', 'credit', 'wallet', 'account', 'payment', 'file'],
  accountLabel: ['acct', 'account', 'acc', 'c'],
  ending: ['ending', 'ends'],
  lastDigits: ['last'],
  currencyWord: [
    'dollar', 'dollars', 'bucks', 'euro', 'euros', 'pound', 'pounds', 'sterling', 'yen', 'rupee', 'rupees', 'franc',
    'francs', 'yuan', 'renminbi', 'rmb',
  ],
  moneyVerb: ['refund', 'pay', 'charge', 'transfer', 'wire', 'send', 'deposit', 'credit', 'debit', 'reimburse', 'remit', 'disburse'],
  percent: ['percent', 'per', 'pct'],
  numberWord: [
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
    'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
    'sixty', 'seventy', 'eighty', 'ninety',
  ],
  quantityUnit: quantityUnitWords,
  net: ['net'],
  unlimited: ['permanent', 'permanently', 'indefinite', 'indefinitely', 'forever', 'expiry', 'expiration', 'end'],
  identifierLabel: withPlurals([
    'invoice', 'inv', 'order', 'ticket', 'case', 'customer', 'cust', 'client', 'employee', 'emp', 'user', 'member',
    'patient', 'po', 'purchase', 'contract', 'claim', 'incident', 'issue', 'pr', 'pull', 'request', 'shipment',
    'booking', 'reservation', 'reference', 'ref', 'transaction', 'txn', 'batch', 'sku', 'item', 'product', 'project',
    'vendor', 'supplier', 'policy', 'loan', 'quote', 'tracking',
  ]),
  mainTier: ['prod', 'production', 'staging', 'preprod', 'nonprod', 'pre', 'non'],
  live: ['live'],
  otherTier: ['dev', 'development', 'test', 'testing', 'qa', 'uat', 'sandbox'],
  every: ['all', 'every', 'each'],
  accessLevel: ['access', 'rights', 'permission', 'permissions', 'role', 'privileges', 'control'],
  /** A role granted "as an admin": the pattern needs one of these words. */
  accessRole: ['admin', 'administrator', 'owner', 'editor', 'viewer'],
  listLabel: ['step', 'stage', 'item', 'point', 'task'],
  region: [
    'east', 'west', 'north', 'south', 'central', 'northeast', 'southeast', 'northwest', 'southwest', 'eastus', 'westus',
    'centralus', 'westeurope', 'northeurope', 'uksouth', 'ukwest', 'eastasia', 'southeastasia', 'centralindia',
    'japaneast', 'japanwest', 'australiaeast',
  ],
  systemNoun: withPlurals(Object.keys(systemNouns)),
  negatedVerb: ['not', 'never', 'without', 'avoid', 'refrain', 'cannot', 't', 'skip', 'hold', 'circumstances', 'case', 'point', 'time'],
  exception: ['except', 'excluding', 'exclude', 'omit', 'other', 'apart', 'leave', 'leaving', 'not'],
  keep: ['keep', 'leave', 'retain', 'preserve'],
  refusal: ['decline', 'reject', 'deny', 'refuse', 'turn'],
} as const satisfies Record<string, readonly string[]>;

export type WordCue = keyof typeof cueWords;

/** At most 32 cues: the set is a 32-bit integer. */
const cueNames = Object.keys(cueWords) as WordCue[];
const cueBits = Object.fromEntries(cueNames.map((cue, index) => [cue, 2 ** index])) as Readonly<Record<WordCue, number>>;
const wordCues = new Map<string, number>();
for (const cue of cueNames) {
  const bit = cueBits[cue];
  for (const word of cueWords[cue]) wordCues.set(word, (wordCues.get(word) ?? 0) | bit);
}

/** A rolling hash of a run of lower-case letters, so that a word is looked up without being copied out. */
function wordHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The longest cue word: longer runs of letters are never looked up. */
const longestCue = Math.max(...[...wordCues.keys()].map((word) => word.length));

/**
 * The cue words in an open-addressing hash table (linear probing) keyed by `wordHash`: slot `i` holds
 * `tableHashes[i]`, the word `tableWords[i]` and its cue bits `tableBits[i]`; an empty slot has no word.
 * At most half full, so a probe for a word that is no cue ends within a slot or two.
 */
const tableSize = 2 ** Math.ceil(Math.log2(wordCues.size * 2 + 1));
const tableMask = tableSize - 1;
const tableHashes = new Int32Array(tableSize);
const tableBits = new Int32Array(tableSize);
const tableWords: (string | undefined)[] = new Array<string | undefined>(tableSize).fill(undefined);
for (const [word, bits] of wordCues) {
  let hash = 0;
  for (let index = 0; index < word.length; index += 1) hash = wordHash(hash, word.charCodeAt(index));
  let slot = hash & tableMask;
  while (tableWords[slot] !== undefined) slot = (slot + 1) & tableMask;
  tableHashes[slot] = hash;
  tableBits[slot] = bits;
  tableWords[slot] = word;
}

function cuesOfWord(lower: string, start: number, end: number, hash: number): number {
  let cues = 0;
  for (let slot = hash & tableMask; ; slot = (slot + 1) & tableMask) {
    const word = tableWords[slot];
    if (word === undefined) return cues;
    if (tableHashes[slot] === hash && word.length === end - start && lower.startsWith(word, start)) cues |= tableBits[slot] ?? 0;
  }
}

/**
 * The cues among the ASCII words (runs of `a`–`z`) of a lower-case text, as a bit set for `hasCue`:
 * each word is looked up by a hash computed while scanning, without being copied out.
 */
export function cuesOfText(lower: string): number {
  let cues = 0;
  const length = lower.length;
  let index = 0;
  while (index < length) {
    let code = lower.charCodeAt(index);
    if (code < 97 || code > 122) {
      index += 1;
      continue;
    }
    const start = index;
    let hash = 0;
    do {
      hash = wordHash(hash, code);
      index += 1;
      code = index < length ? lower.charCodeAt(index) : 0;
    } while (code >= 97 && code <= 122);
    if (index - start <= longestCue) cues |= cuesOfWord(lower, start, index, hash);
  }
  return cues;
}

/** True when the bit set from `cuesOfText` has the cue. */
export function hasCue(cues: number, cue: WordCue): boolean {
  return (cues & cueBits[cue]) !== 0;
}
