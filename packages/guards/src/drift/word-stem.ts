const irregular: ReadonlyMap<string, string> = new Map(Object.entries({
  sent: 'send', paid: 'pay', told: 'tell', left: 'leave', kept: 'keep', wrote: 'write', written: 'write',
  gave: 'give', given: 'give', took: 'take', taken: 'take', made: 'make', shut: 'shut', rang: 'ring',
  sold: 'sell', bought: 'buy', ran: 'run', met: 'meet', held: 'hold', spent: 'spend', withdrew: 'withdraw',
  "cc'd": 'cc', 'cc’d': 'cc', ccd: 'cc', "cc'ing": 'cc', ccing: 'cc', 'e-mail': 'email',
}));

const doubled = /[bcdfgklmnprstvz]/;
const suffixes = ['ications', 'ication', 'ations', 'ation', 'ments', 'ment', 'ions', 'ion', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'e', 'y'];

/**
 * A crude stem that maps the usual inflections of one verb to the same string
 * (`notify`, `notifying`, `notified`, `notification` → `notif`; `sent` → `send`).
 * It only has to agree with itself, not with a dictionary.
 */
export function wordStem(word: string): string {
  let stem = word.toLowerCase();
  if (stem.endsWith("'s")) stem = stem.slice(0, -2);
  stem = irregular.get(stem) ?? stem;
  for (let round = 0; round < 3; round += 1) {
    const suffix = strippableSuffix(stem);
    if (suffix === 0) break;
    stem = stem.slice(0, stem.length - suffix);
  }
  const length = stem.length;
  if (length > 4 && stem.charCodeAt(length - 1) === stem.charCodeAt(length - 2) && doubled.test(stem[length - 1] ?? '')) {
    stem = stem.slice(0, -1);
  }
  return stem;
}

/** True for a lower-case word whose stem is not a prefix of it (`told` → `tell`). */
export function hasIrregularStem(word: string): boolean {
  return irregular.has(word);
}

/** Length of the first suffix that may come off, or 0. */
function strippableSuffix(stem: string): number {
  for (const ending of suffixes) {
    if (stem.length - ending.length < 3 || !stem.endsWith(ending)) continue;
    if (ending === 's' && stem.endsWith('ss')) continue;
    return ending.length;
  }
  return 0;
}
