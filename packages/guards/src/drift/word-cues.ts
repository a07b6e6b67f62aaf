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
  accessLevel: ['access', 'rights', 'permission', 'permissions', 'role', 'privileges', 'control', 'as'],
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

const cueNames = Object.keys(cueWords) as WordCue[];
const cueBits = new Map<WordCue, number>(cueNames.map((cue, index) => [cue, 2 ** index]));
const wordCues = new Map<string, number>();
for (const cue of cueNames) {
  const bit = cueBits.get(cue) ?? 0;
  for (const word of cueWords[cue]) wordCues.set(word, (wordCues.get(word) ?? 0) | bit);
}

/** The cues present among these lower-case words, as a bit set for `hasCue`. */
export function cuesOf(words: readonly string[]): number {
  let cues = 0;
  for (const word of words) cues |= wordCues.get(word) ?? 0;
  return cues;
}

/** True when the bit set from `cuesOf` has the cue. */
export function hasCue(cues: number, cue: WordCue): boolean {
  return (cues & (cueBits.get(cue) ?? 0)) !== 0;
}
