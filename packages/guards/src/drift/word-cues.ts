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
const cueBits = new Map<WordCue, number>(cueNames.map((cue, index) => [cue, 2 ** index]));
const wordCues = new Map<string, number>();
for (const cue of cueNames) {
  const bit = cueBits.get(cue) ?? 0;
  for (const word of cueWords[cue]) wordCues.set(word, (wordCues.get(word) ?? 0) | bit);
}

/** A rolling hash of a run of lower-case letters, so that a word is looked up without being copied out. */
function wordHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The longest cue word, and the cue words by hash (with their cue bits), for `cuesOfText`. */
const longestCue = Math.max(...[...wordCues.keys()].map((word) => word.length));
const cuesByHash = new Map<number, (readonly [string, number])[]>();
for (const [word, bits] of wordCues) {
  let hash = 0;
  for (let index = 0; index < word.length; index += 1) hash = wordHash(hash, word.charCodeAt(index));
  const entries = cuesByHash.get(hash);
  if (entries === undefined) cuesByHash.set(hash, [[word, bits]]);
  else entries.push([word, bits]);
}

function cuesOfWord(lower: string, start: number, end: number, hash: number): number {
  const entries = cuesByHash.get(hash);
  if (entries === undefined) return 0;
  let cues = 0;
  for (const [word, bits] of entries) {
    if (word.length === end - start && lower.startsWith(word, start)) cues |= bits;
  }
  return cues;
}

/**
 * The cues among the ASCII words (runs of `a`–`z`) of a lower-case text, as a bit set for `hasCue`:
 * each word is looked up by a hash computed while scanning, without being copied out.
 */
export function cuesOfText(lower: string): number {
  let cues = 0;
  let start = -1;
  let hash = 0;
  const length = lower.length;
  for (let index = 0; index <= length; index += 1) {
    const code = index < length ? lower.charCodeAt(index) : 0;
    if (code >= 97 && code <= 122) {
      if (start < 0) {
        start = index;
        hash = 0;
      }
      hash = wordHash(hash, code);
      continue;
    }
    if (start < 0) continue;
    if (index - start <= longestCue) cues |= cuesOfWord(lower, start, index, hash);
    start = -1;
  }
  return cues;
}

/** True when the bit set from `cuesOfText` has the cue. */
export function hasCue(cues: number, cue: WordCue): boolean {
  return (cues & (cueBits.get(cue) ?? 0)) !== 0;
}
