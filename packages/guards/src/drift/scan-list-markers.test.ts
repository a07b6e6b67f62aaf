import { describe, expect, it } from 'vitest';
import { checkDrift } from './check-drift.js';
import { EntityScan } from './entity-scan.js';
import { extractAnchor } from './extract-anchor.js';
import { scanEntities } from './scan-entities.js';
import { scanListMarkers } from './scan-list-markers.js';

const starter =
  'We have a new starter, Kwame Asante, joining the data team on 3 June. Please create his onboarding checklist: laptop order, accounts for email, Slack and Jira.';
const starterFirst = 'We have a new starter, Kwame Asante, joining the data team on 3 June.';
const starterSecond = 'Please create his onboarding checklist: laptop order, accounts for email, Slack and Jira.';
const merger =
  "We're merging the two regional support teams into a single team under Fatima Rahman from 1 September. Nobody is losing their job.";
const mergerFirst =
  "We're merging the two regional support teams into a single team under Fatima Rahman from 1 September.";
const mergerSecond = 'Nobody is losing their job.';
const callback = 'Customer called from (415) 555-0132 asking about their refund; call back after 3pm.';
const callbackFirst = 'Customer called from (415) 555-0132 asking about their refund';
const callbackSecond = 'call back after 3pm.';

const unchanged = { drift: false, changes: [] };

function check(intent: string, candidate: string): ReturnType<typeof checkDrift> {
  return checkDrift(extractAnchor(intent), candidate);
}

function valuesOf(text: string): string[] {
  return scanEntities(text, { negations: false }).entities.map((entity) => `${entity.kind} ${entity.value}`);
}

/** Each way of numbering or marking two items, as a function of the two item texts. */
const listStyles: ReadonlyArray<readonly [string, (first: string, second: string) => string]> = [
  ['1. and 2. on separate lines', (first, second) => `1. ${first}\n2. ${second}`],
  ['1) and 2)', (first, second) => `1) ${first}\n2) ${second}`],
  ['(1) and (2)', (first, second) => `(1) ${first}\n(2) ${second}`],
  ['Step 1: and Step 2:', (first, second) => `Step 1: ${first}\nStep 2: ${second}`],
  ['dash bullets', (first, second) => `- ${first}\n- ${second}`],
  ['star bullets', (first, second) => `* ${first}\n* ${second}`],
  ['round bullets', (first, second) => `• ${first}\n• ${second}`],
  ['a space before the full stop (2 .)', (first, second) => `1 . ${first}\n2 . ${second}`],
  ['indented items', (first, second) => `  1. ${first}\n  2. ${second}`],
  ['Windows line ends', (first, second) => `1. ${first}\r\n2. ${second}`],
  ['a blank line between items', (first, second) => `1. ${first}\n\n2. ${second}`],
  ['two-digit numbers', (first, second) => `9. ${first}\n10. ${second}`],
  ['a heading line', (first, second) => `Plan:\n1. ${first}\n2. ${second}`],
  ['items joined on one line', (first, second) => `1. ${first} 2. ${second}`],
  ['items joined on one line with brackets', (first, second) => `1) ${first} 2) ${second}`],
  ['items joined after a label', (first, second) => `Plan: 1. ${first} 2. ${second}`],
];

describe('scanListMarkers', () => {
  it('consumes numbered markers at line starts and after sentence ends without recording entities', () => {
    const scan = new EntityScan('1. Meet on 3 June.\n2) Pay. 3. Done. Step 4: close.');
    scanListMarkers(scan);
    expect(scan.entities).toEqual([]);
    expect(scan.working).not.toMatch(/[1-4][.):]/);
    expect(scan.working).toContain('3 June');
  });

  it('leaves text without digits alone', () => {
    const scan = new EntityScan('- Meet the team\n- Sign the lease');
    scanListMarkers(scan);
    expect(scan.working).toBe('- Meet the team\n- Sign the lease');
  });

  it('leaves a number inside a sentence alone', () => {
    const scan = new EntityScan('Move the meeting to June 2. Then notify the team.');
    scanListMarkers(scan);
    expect(scan.working).toBe('Move the meeting to June 2. Then notify the team.');
  });

  it('takes an inline number as a marker only when it continues a list already found', () => {
    expect(valuesOf('Customer 8820: refund 3. Close the ticket.')).toContain('amount 3.00');
    expect(valuesOf('1. Check customer 8820 refund 2. Close the ticket.')).not.toContain('amount 2.00');
  });
});

describe('list markers in scanned values', () => {
  it('does not read the next item number as the day of a month that ends an item', () => {
    expect(valuesOf(`1. ${starterFirst}\n2. ${starterSecond}`)).toContain('date --06-03');
    expect(valuesOf(`1. ${starterFirst}\n2. ${starterSecond}`)).not.toContain('date --06-02');
  });

  it('does not read an item number as an amount after a money verb', () => {
    expect(valuesOf(`1. ${callbackFirst}\n2. ${callbackSecond}`)).not.toContain('amount 2.00');
  });

  it('does not join a bullet to a day as a date range', () => {
    expect(valuesOf('- Meet Priya Nair on June 3\n- 4 copies to sign')).toEqual(
      expect.not.arrayContaining(['date --06-04']),
    );
  });

  it('does not append the next item number to a phone number', () => {
    expect(valuesOf('9. Call 555-0132\n10. Log the call.')).toContain('phone 5550132');
  });

  it('keeps a day after an abbreviated month ("Jun. 2.")', () => {
    expect(valuesOf('Meet on Jun. 2. Then go.')).toContain('date --06-02');
  });

  it('keeps a bracketed area code at a line start as part of the phone number', () => {
    expect(valuesOf('Call:\n(20) 7946 0958 today')).toContain('phone 2079460958');
  });

  it('keeps a decimal number after a sentence end', () => {
    expect(valuesOf('On 3 June. 2.5 hours budgeted.')).toContain('amount 2.5 hour');
  });
});

describe('checkDrift on intents restated as lists', () => {
  it('accepts a new starter restated as numbered steps (3 June is not June 2)', () => {
    expect(check(starter, `1. ${starterFirst}\n2. ${starterSecond}`)).toEqual(unchanged);
  });

  it('accepts a team merger restated as numbered steps (1 September is not September 2)', () => {
    expect(check(merger, `1. ${mergerFirst}\n2. ${mergerSecond}`)).toEqual(unchanged);
  });

  it('accepts a call-back note restated as numbered steps (the item number is no amount)', () => {
    expect(check(callback, `1. ${callbackFirst}\n2. ${callbackSecond}`)).toEqual(unchanged);
  });

  it('accepts a redacted call-back note restated as numbered steps', () => {
    const redacted = 'Customer called from [PHONE_1] asking about their refund; call back after 3pm.';
    const first = 'Customer called from [PHONE_1] asking about their refund';
    expect(check(redacted, `1. ${first}\n2. ${callbackSecond}`)).toEqual(unchanged);
    expect(check(redacted, `1. ${first} 2. ${callbackSecond}`)).toEqual(unchanged);
    expect(check(redacted, `1. ${callbackFirst}\n2. ${callbackSecond}`)).toEqual(unchanged);
  });

  describe.each(listStyles)('with %s', (_style, list) => {
    it('accepts the new starter', () => {
      expect(check(starter, list(starterFirst, starterSecond))).toEqual(unchanged);
    });

    it('accepts the team merger', () => {
      expect(check(merger, list(mergerFirst, mergerSecond))).toEqual(unchanged);
    });

    it('accepts the call-back note', () => {
      expect(check(callback, list(callbackFirst, callbackSecond))).toEqual(unchanged);
    });

    it('still reports a changed date in an item', () => {
      const changed = list(starterFirst.replace('3 June', '4 June'), starterSecond);
      expect(check(starter, changed)).toEqual({
        drift: true,
        changes: [{ kind: 'date', change: 'changed', expected: '--06-03', found: '--06-04' }],
      });
    });
  });

  it('still reports a changed amount in a numbered item', () => {
    const intent = 'Pay Dana Smith $950 for the March retainer.';
    expect(check(intent, '1. Confirm the March retainer.\n2. Pay $9,500 to Dana Smith.')).toEqual({
      drift: true,
      changes: [{ kind: 'amount', change: 'changed', expected: '950.00 USD', found: '9500.00 USD' }],
    });
  });

  it('still reports a changed date in the first numbered item', () => {
    const intent = 'Meet Priya Nair on 3 June to sign the lease.';
    expect(check(intent, '1. Meet on 4 June\n2. Sign the lease with Priya Nair.')).toEqual({
      drift: true,
      changes: [{ kind: 'date', change: 'changed', expected: '--06-03', found: '--06-04' }],
    });
  });

  it('still reports a changed time in a numbered item', () => {
    expect(check(callback, `1. ${callbackFirst}\n2. call back after 5pm.`)).toEqual({
      drift: true,
      changes: [{ kind: 'date', change: 'changed', expected: 'T15:00', found: 'T17:00' }],
    });
  });

  it('still reports a changed count at the start of a numbered item', () => {
    const intent = 'Order 2 laptops for Kwame Asante on 3 June.';
    expect(check(intent, '1. 3 laptops for Kwame Asante\n2. 3 June').changes).toEqual([
      { kind: 'amount', change: 'changed', expected: '2 laptop', found: '3 laptop' },
    ]);
  });
});
