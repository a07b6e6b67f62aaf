/** Words that negate the verb a few words after them. */
export const negatingWords: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'without', 'skip', 'skipping', 'avoid', 'avoiding', 'refrain', 'neither', 'nor',
  'exclude', 'excluding', 'except', 'omit', 'omitting', 'cannot', "don't", 'don’t', 'dont', "doesn't",
  'doesn’t', "shouldn't", 'shouldn’t', "mustn't", 'mustn’t', "won't", 'won’t', "can't", 'can’t', 'hold',
  'withhold', 'none', 'nothing', 'nobody', 'nowhere', 'excluded', 'excludes', 'omitted', 'skipped',
  'withheld', 'suppressed', 'waived',
]);

/** Words that negate the verb a few words before them ("cc: none", "notifications suppressed"). */
export const negatingAfterWords: ReadonlySet<string> = new Set([
  'none', 'suppressed', 'disabled', 'skipped', 'excluded', 'withheld', 'off', 'blocked', 'omitted', 'waived',
]);

/** Words that show a constraint or exception is still there, in any wording. */
export const constraintWords: ReadonlySet<string> = new Set([
  ...negatingWords,
  'excluded', 'excludes', 'exclusion', 'except', 'keep', 'keeping', 'leave', 'leaving', 'retain',
  'retaining', 'preserve', 'preserving', 'untouched', 'intact', 'unchanged', 'only', 'silently',
  'quietly', 'nothing', 'unless', 'spare', 'sparing', 'exempt', 'omitted', 'skipped', 'retained',
  'kept', 'preserved', 'left', 'remain', 'remains', 'stay', 'stays', 'still', 'unaffected', 'waive',
  'waived', 'waiving', 'suppress', 'suppressed', 'withheld', 'exempted', 'spared', 'decline', 'declined',
  'declining', 'reject', 'rejected', 'deny', 'denied', 'refuse', 'refused',
]);

/** Words that undo an exception or a "keep": include it, or act on it destructively. */
export const overridingWords: ReadonlySet<string> = new Set([
  'include', 'includes', 'including', 'included', 'plus', 'also', 'disable', 'disables', 'disabling',
  'disabled', 'deactivate', 'deactivating', 'delete', 'deleting', 'remove', 'removing', 'turn', 'stop',
  'stopping', 'cancel', 'cancelling', 'canceling', 'revoke', 'revoking', 'terminate', 'terminating',
  'wipe', 'wiping', 'purge', 'purging', 'drop', 'dropping', 'close', 'closing', 'archive', 'archiving',
  'suspend', 'suspending', 'shut', 'erase', 'erasing', 'clear', 'clearing', 'reset', 'end', 'ending',
  'kill', 'discard', 'destroy', 'even',
]);

/** Tokens that end the reach of a negation or an override. */
export const clauseBreaks: ReadonlySet<string> = new Set(['.', ';', ':', '(', ')', '!', '?', 'and', 'then', 'but']);

/** True for a token that negates, including any contraction ending in n't. */
export function isNegatingWord(token: string): boolean {
  return negatingWords.has(token) || token.endsWith("n't") || token.endsWith('n’t');
}
