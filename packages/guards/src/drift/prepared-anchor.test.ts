import { readFileSync } from 'node:fs';
import type { Anchor } from '@dax/core';
import { describe, expect, it } from 'vitest';
import { checkDrift } from './check-drift.js';
import { extractAnchor } from './extract-anchor.js';
import { prepareAnchor } from './prepared-anchor.js';

interface DriftCase {
  readonly intent: string;
  readonly output: string;
}

const cases: DriftCase[] = readFileSync(new URL('./__fixtures__/drift-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DriftCase);

/** An anchor with the same entities in new objects, as one read back from storage would be. */
function freshCopy(anchor: Anchor): Anchor {
  return JSON.parse(JSON.stringify(anchor)) as Anchor;
}

describe('prepareAnchor', () => {
  it('prepares an anchor once', () => {
    const anchor = extractAnchor('Do not email Dana; pay $4,200.00 to Northwind Traders by March 3, 2025.');
    expect(prepareAnchor(anchor)).toBe(prepareAnchor(anchor));
    expect(prepareAnchor(freshCopy(anchor))).not.toBe(prepareAnchor(anchor));
  });

  it('gives the same findings for a reused anchor as for a fresh one, whatever the outputs and their order', () => {
    const intents = [...new Set(cases.map((item) => item.intent))].slice(0, 60);
    const outputs = cases.map((item) => item.output).slice(0, 40);
    for (const intent of intents) {
      const reused = extractAnchor(intent);
      for (const output of [intent, ...outputs, intent, ...outputs.slice().reverse()]) {
        expect(checkDrift(reused, output)).toEqual(checkDrift(freshCopy(reused), output));
      }
    }
  });

  it('keeps the findings of each labelled case when its anchor was used before', () => {
    for (const item of cases) {
      const anchor = extractAnchor(item.intent);
      const first = checkDrift(freshCopy(anchor), item.output);
      checkDrift(anchor, item.intent);
      checkDrift(anchor, `${item.output} Also wire 9,999 EUR to Initech on 1 April 2031; do not tell Bob.`);
      expect(checkDrift(anchor, item.output)).toEqual(first);
    }
  });
});
