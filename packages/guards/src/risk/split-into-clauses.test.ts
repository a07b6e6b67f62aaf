import { describe, expect, it } from 'vitest';
import { normalizeRiskText } from './normalize-risk-text.js';
import { splitIntoClauses } from './split-into-clauses.js';

function modes(text: string): string[] {
  return splitIntoClauses(normalizeRiskText(text)).map((clause) => `${clause.mode}: ${clause.head}`);
}

describe('splitIntoClauses', () => {
  it('separates a draft from the instruction not to send it', () => {
    expect(modes('Draft an email to all customers, but don\'t send it.')).toEqual([
      'informational: draft an email to all customers',
      "negated: don't send it.",
    ]);
  });

  it('starts a new clause at a coordinated verb with an object', () => {
    expect(modes('Merge the branch into main and deploy it to production.')).toEqual([
      'action: merge the branch into main',
      'action: deploy it to production.',
    ]);
  });

  it('keeps coordinated nouns inside a question together', () => {
    expect(modes('How do ACH and wire transfers differ?')).toEqual(['informational: how do ach and wire transfers differ?']);
  });

  it('reads request prefixes as part of the action and questions as informational', () => {
    expect(modes('Could you please wire $5,000 to Acme?')).toEqual(['action: wire $5,000 to acme?']);
    expect(modes('Is it safe to delete old snapshots?')).toEqual(['informational: is it safe to delete old snapshots?']);
  });

  it('treats material after "the following:" as text to work on', () => {
    const clauses = splitIntoClauses(normalizeRiskText('Summarize the following: Wire $9,000 today. Then delete the backups.'));
    expect(clauses.every((clause) => clause.mode === 'informational')).toBe(true);
  });

  it('keeps lead-in phrases in the clause text but not in its head', () => {
    const [clause] = splitIntoClauses(normalizeRiskText("It's a new supplier, no time to verify."));
    expect(clause?.text).toBe("it's a new supplier, no time to verify.");
    expect(clause?.head).toBe('no time to verify.');
  });
});
