import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openMemoryStore } from '@dax/store';
import { describe, expect, it } from 'vitest';
import { createDax } from './create-dax.js';

const fixturesDir = process.env.DAX_FIXTURES_DIR ?? fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

/** Intents of every shape the offline chain restates: dates, amounts, lists, environments, negations, personal data. */
const ownIntents = [
  'Move the quarterly review from 3 June to the usual slot. Invite the finance team.',
  'Refund $120 to existing customer 55102; tell them it will arrive in 5 days.',
  'Scale the staging cluster to 4 nodes, then run the load test.',
  'Do not notify the sales team until the contract is signed on 1 September 2026.',
  'Email the Q2 forecast to dana@acme-corp.com and copy +44 20 7946 0958.',
  'Restart the live payments API in production after the 14:00 deploy.',
  'Translate the onboarding guide into Spanish. Keep the 12 headings. Send it back by Friday.',
  'Pay invoice INV-7781 for €4,200.00 to Northwind Traders on March 3, 2025.',
  'Summarise the attached notes from the dev environment review.',
  'Grant read-only access to the analytics warehouse for Priya until 30 November.',
];

function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const [file, field] of [['prompts.jsonl', 'text'], ['risk.jsonl', 'text'], ['pii.jsonl', 'text'], ['drift.jsonl', 'intent']] as const) {
    for (const line of readFileSync(`${fixturesDir}${file}`, 'utf8').trim().split('\n')) {
      texts.push((JSON.parse(line) as Record<string, string>)[field]!);
    }
  }
  return texts;
}

async function unstableRuns(texts: readonly string[]): Promise<string[]> {
  const dax = createDax({ env: {}, store: await openMemoryStore() });
  const unstable: string[] = [];
  for (const [index, text] of texts.entries()) {
    const result = await dax.run(text);
    const problems = result.findings.filter((finding) => ['drift', 'structure', 'stability'].includes(finding.guard));
    if (problems.length > 0 || ['failed', 'halted', 'rolled_back'].includes(result.status)) {
      unstable.push(`#${index} ${result.status}: ${problems.map((finding) => `${finding.layer} ${finding.kind}`).join(', ')}`);
    }
  }
  return unstable;
}

describe('the offline provider never drifts from the intent it restates', () => {
  it('on intents of every shape', async () => {
    expect(await unstableRuns(ownIntents)).toEqual([]);
  });

  it.skipIf(!existsSync(fixturesDir))('on every labelled fixture text', async () => {
    expect(await unstableRuns(fixtureTexts())).toEqual([]);
  }, 60_000);
});
