import { describe, expect, it } from 'vitest';
import { wordStem } from './word-stem.js';

describe('wordStem', () => {
  it.each([
    [['notify', 'notifying', 'notified', 'notification', 'notifications'], 'notif'],
    [['send', 'sending', 'sends', 'sent'], 'send'],
    [['share', 'sharing', 'shared'], 'shar'],
    [['delete', 'deleted', 'deletion'], 'delet'],
    [['cancel', 'cancelled', 'cancelling'], 'cancel'],
    [['pay', 'paid', 'payment'], 'pay'],
  ] as const)('maps %j to %s', (words, stem) => {
    for (const word of words) expect(wordStem(word)).toBe(stem);
  });

  it('keeps unrelated words apart', () => {
    expect(wordStem('payroll')).not.toBe(wordStem('pay'));
    expect(wordStem('processing')).toBe(wordStem('process'));
  });
});
