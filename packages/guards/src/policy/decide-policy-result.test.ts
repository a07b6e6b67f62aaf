import type { PolicyDecision } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { decidePolicyResult } from './decide-policy-result.js';

const decisions = new Map<string, PolicyDecision>([
  ['base.allow-run', 'allow'],
  ['risk.human-gate', 'gate'],
  ['data.export-pii', 'gate'],
  ['content.malware', 'deny'],
]);

describe('decidePolicyResult', () => {
  it('keeps allow with the permits that applied', () => {
    const response = { decision: 'allow' as const, diagnostics: { reason: ['base.allow-run'], errors: [] } };
    expect(decidePolicyResult(response, decisions)).toEqual({ decision: 'allow', ruleIds: ['base.allow-run'] });
  });

  it('turns a deny made only of gate rules into gate, sorted', () => {
    const response = { decision: 'deny' as const, diagnostics: { reason: ['risk.human-gate', 'data.export-pii'], errors: [] } };
    expect(decidePolicyResult(response, decisions)).toEqual({
      decision: 'gate',
      ruleIds: ['data.export-pii', 'risk.human-gate'],
    });
  });

  it('keeps deny when any deny rule determined it', () => {
    const response = { decision: 'deny' as const, diagnostics: { reason: ['risk.human-gate', 'content.malware'], errors: [] } };
    expect(decidePolicyResult(response, decisions).decision).toBe('deny');
  });

  it('throws on evaluation errors and unknown policy ids', () => {
    const error = { message: 'overflow', help: null, code: null, url: null, severity: null };
    const errored = { decision: 'allow' as const, diagnostics: { reason: ['base.allow-run'], errors: [{ policyId: 'content.malware', error }] } };
    expect(() => decidePolicyResult(errored, decisions)).toThrow(/could not reach a decision/);
    const unknown = { decision: 'deny' as const, diagnostics: { reason: ['nobody.knows'], errors: [] } };
    expect(() => decidePolicyResult(unknown, decisions)).toThrow(/nobody\.knows/);
  });
});
