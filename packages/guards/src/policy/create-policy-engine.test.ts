import type { RiskAssessment } from '@dax/core';
import type { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { errorOf, input, risk } from './__fixtures__/policy-inputs.js';
import { createPolicyEngine } from './create-policy-engine.js';

const base = '@id("base.allow-run") @decision("allow") permit (principal, action == Dax::Action::"run", resource);';
const rules = `
@id("content.malware") @decision("deny")
forbid (principal, action, resource) when { context.categories.contains("malware") };

@id("risk.human-gate") @decision("gate")
forbid (principal, action, resource) when { context.riskRank <= 1 };

@id("finance.large-transfer") @decision("gate")
forbid (principal, action, resource == Dax::Domain::"finance") when { context.maxAmount >= 10000 };
`;


describe('createPolicyEngine', () => {
  const engine = createPolicyEngine([
    { name: 'base.cedar', text: base },
    { name: 'rules.cedar', text: rules },
  ]);

  it('lists the loaded rules with their decisions and sources', () => {
    expect(engine.rules.map((rule) => [rule.id, rule.decision, rule.source])).toEqual([
      ['base.allow-run', 'allow', 'base.cedar'],
      ['content.malware', 'deny', 'rules.cedar'],
      ['risk.human-gate', 'gate', 'rules.cedar'],
      ['finance.large-transfer', 'gate', 'rules.cedar'],
    ]);
    expect(engine.rules.find((rule) => rule.id === 'risk.human-gate')?.line).toBe(5);
    expect(engine.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('allows a routine run and names the permit', () => {
    expect(engine.evaluate(input())).toEqual({ decision: 'allow', ruleIds: ['base.allow-run'] });
  });

  it('accepts any tenant and domain text as entity ids', () => {
    expect(engine.evaluate(input({ tenant: 'a "quoted" tenant', domain: 'fïnance::x' })).decision).toBe('allow');
    expect(engine.evaluate(input({ tenant: '', domain: '' })).decision).toBe('allow');
  });

  it('gates a P1 run', () => {
    expect(engine.evaluate(input({ risk: risk({ grade: 'P1', gate: true }) }))).toEqual({
      decision: 'gate',
      ruleIds: ['risk.human-gate'],
    });
  });

  it('gates a large amount only in the finance domain', () => {
    const entities = [{ kind: 'amount' as const, value: '25000.00 EUR' }];
    expect(engine.evaluate(input({ domain: 'finance', entities }))).toEqual({
      decision: 'gate',
      ruleIds: ['finance.large-transfer'],
    });
    expect(engine.evaluate(input({ domain: 'support', entities })).decision).toBe('allow');
    const below = [{ kind: 'amount' as const, value: '9999.99 EUR' }];
    expect(engine.evaluate(input({ domain: 'finance', entities: below })).decision).toBe('allow');
  });

  it('lets a deny rule win over gate rules and reports all determining ids sorted', () => {
    const result = engine.evaluate(
      input({
        domain: 'finance',
        risk: risk({ grade: 'P0', gate: true, categories: ['malware'] }),
        entities: [{ kind: 'amount', value: '50000 USD' }],
      }),
    );
    expect(result).toEqual({
      decision: 'deny',
      ruleIds: ['content.malware', 'finance.large-transfer', 'risk.human-gate'],
    });
  });

  it('denies with the default-deny id when no permit applies', () => {
    const onlyForbid = createPolicyEngine([{ name: 'rules.cedar', text: rules }]);
    expect(onlyForbid.evaluate(input())).toEqual({ decision: 'deny', ruleIds: ['policy.default-deny'] });
  });

  it('shares nothing between engines built from different texts', () => {
    const strict = createPolicyEngine([
      { name: 'base.cedar', text: base },
      { name: 'all.cedar', text: '@id("all.gate") @decision("gate") forbid (principal, action, resource);' },
    ]);
    expect(strict.evaluate(input())).toEqual({ decision: 'gate', ruleIds: ['all.gate'] });
    expect(engine.evaluate(input()).decision).toBe('allow');
    expect(strict.hash).not.toBe(engine.hash);
  });

  it('fails closed when a policy errors at evaluation instead of skipping it', () => {
    const overflowing = createPolicyEngine([
      { name: 'base.cedar', text: base },
      {
        name: 'overflow.cedar',
        text: '@id("amount.overflow") @decision("deny") forbid (principal, action, resource) when { context.maxAmount + 9223372036854775807 < 0 };',
      },
    ]);
    expect(overflowing.evaluate(input()).decision).toBe('allow');
    const error = errorOf(() => overflowing.evaluate(input({ entities: [{ kind: 'amount', value: '5 EUR' }] })));
    expect(error.code).toBe('DAX_E_POLICY_EVALUATION');
    expect(error.detail).toContain('amount.overflow');
  });

  it('fails closed on a risk grade outside P0..P3', () => {
    const bad = input({ risk: { ...risk(), grade: 'P9' as RiskAssessment['grade'] } });
    expect(errorOf(() => engine.evaluate(bad)).code).toBe('DAX_E_POLICY_EVALUATION');
  });
});

describe('createPolicyEngine load errors', () => {
  function loadError(text: string, name = 'broken.cedar'): DaxError {
    return errorOf(() => createPolicyEngine([{ name: 'base.cedar', text: base }, { name, text }]));
  }

  it('names the file and position of a syntax error', () => {
    const error = loadError('@id("x.y") @decision("deny")\nforbid (principal, action, resource) when { context.riskRank <= };', 'bad-syntax.cedar');
    expect(error.code).toBe('DAX_E_POLICY_INVALID');
    expect(error.detail).toMatch(/^bad-syntax\.cedar: line 2, column \d+: /);
  });

  it('refuses a policy without @decision', () => {
    const error = loadError('@id("x.no-decision") forbid (principal, action, resource);');
    expect(error.code).toBe('DAX_E_POLICY_INVALID');
    expect(error.detail).toBe('broken.cedar: line 1 (x.no-decision): a forbid policy needs @decision("deny") or @decision("gate")');
  });

  it('refuses a decision that does not fit the effect', () => {
    expect(loadError('@id("x.allow") @decision("allow") forbid (principal, action, resource);').detail).toContain(
      'a forbid policy needs',
    );
    expect(loadError('@id("x.gate") @decision("gate") permit (principal, action, resource);').detail).toContain(
      'a permit policy needs @decision("allow")',
    );
    expect(loadError('@id("x.other") @decision("maybe") forbid (principal, action, resource);').code).toBe(
      'DAX_E_POLICY_INVALID',
    );
  });

  it('refuses a policy without a well-formed @id', () => {
    expect(loadError('@decision("deny") forbid (principal, action, resource);').detail).toContain('needs @id(');
    expect(loadError('@id("NoDots") @decision("deny") forbid (principal, action, resource);').detail).toContain('needs @id(');
    expect(loadError('@id("policy.default-deny") @decision("deny") forbid (principal, action, resource);').detail).toContain(
      'reserved',
    );
  });

  it('refuses duplicate ids across files', () => {
    const error = loadError('@id("base.allow-run") @decision("allow") permit (principal, action, resource);');
    expect(error.detail).toBe('broken.cedar: line 1: @id("base.allow-run") is already used at base.cedar: line 1');
  });

  it('refuses a policy using a context attribute the schema does not declare', () => {
    const error = loadError('\n@id("x.unknown") @decision("deny")\nforbid (principal, action, resource) when { context.tenantTier == "free" };', 'unknown.cedar');
    expect(error.code).toBe('DAX_E_POLICY_INVALID');
    expect(error.detail).toMatch(/^unknown\.cedar: line 3, column \d+: .*tenantTier/);
  });

  it('refuses a type error and an entity type the schema does not declare', () => {
    expect(loadError('@id("x.type") @decision("deny") forbid (principal, action, resource) when { context.risk > 1 };').code).toBe(
      'DAX_E_POLICY_INVALID',
    );
    expect(loadError('@id("x.user") @decision("deny") forbid (principal == Dax::User::"a", action, resource);').detail).toMatch(
      /^broken\.cedar: /,
    );
  });

  it('refuses templates and empty policy sets', () => {
    expect(loadError('@id("x.slot") @decision("deny") forbid (principal == ?principal, action, resource);').detail).toContain(
      'templates',
    );
    expect(errorOf(() => createPolicyEngine([{ name: 'empty.cedar', text: '// nothing here\n' }])).detail).toBe(
      'empty.cedar: no policies found',
    );
  });
});
