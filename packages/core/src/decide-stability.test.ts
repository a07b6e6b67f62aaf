import { describe, expect, it } from 'vitest';
import { decideStability, readAnchorSignal, type StabilityInput } from './decide-stability.js';

const stable: StabilityInput = {
  rolledBackLayers: [],
  executorRolledBack: false,
  output: 'Draft the reply.',
  anchorSignal: 'accept',
  haltAfterRollbacks: 2,
};

describe('decideStability (the DA-X decision table)', () => {
  it.each<[string, Partial<StabilityInput>, string, string]>([
    ['all stable', {}, 'accept', 'approved'],
    ['one rolled-back layer', { rolledBackLayers: ['DA-6'] }, 'rollback', 'rolled_back'],
    ['DA-X model asks to roll back', { anchorSignal: 'rollback' }, 'rollback', 'rolled_back'],
    ['two rolled-back layers', { rolledBackLayers: ['DA-6', 'DA-5'] }, 'halt', 'halted'],
    ['executor rolled back', { rolledBackLayers: ['DA-1'], executorRolledBack: true }, 'halt', 'halted'],
    ['empty output', { output: '  ' }, 'halt', 'halted'],
    ['DA-X model halts', { anchorSignal: 'halt' }, 'halt', 'halted'],
    ['DA-X model halts over a rollback', { rolledBackLayers: ['DA-6'], anchorSignal: 'halt' }, 'halt', 'halted'],
  ])('%s', (_name, change, action, status) => {
    const decision = decideStability({ ...stable, ...change });
    expect(decision.action).toBe(action);
    expect(decision.status).toBe(status);
    expect(decision.reason.length).toBeGreaterThan(0);
  });
});

describe('readAnchorSignal', () => {
  it.each([
    ['Stable: accept.', 'accept'],
    ['HALT: DA-6 changed the amount.', 'halt'],
    ['Roll back DA-5; it invented a recipient.', 'rollback'],
    ['No rollback needed; the chain is stable.', 'accept'],
    ['Nothing unstable, no need to halt.', 'accept'],
  ])('%s → %s', (text, signal) => {
    expect(readAnchorSignal(text)).toBe(signal);
  });
});
