import { describe, expect, it } from 'vitest';
import { buildPolicyRequest } from './build-policy-request.js';

describe('buildPolicyRequest', () => {
  it('maps a policy input onto the Cedar request', () => {
    const request = buildPolicyRequest({
      domain: 'finance',
      tenant: 'acme',
      risk: {
        grade: 'P1',
        gate: true,
        ruleIds: ['risk.money.large-transfer'],
        reasons: ['large transfer'],
        categories: ['money-movement'],
      },
      injection: false,
      piiTypes: ['IBAN'],
      entities: [
        { kind: 'amount', value: '25000.00 EUR' },
        { kind: 'payee', value: 'payee-1' },
        { kind: 'amount', value: '10.00 EUR' },
      ],
    });
    expect(request).toEqual({
      principal: { type: 'Dax::Tenant', id: 'acme' },
      action: { type: 'Dax::Action', id: 'run' },
      resource: { type: 'Dax::Domain', id: 'finance' },
      context: {
        risk: 'P1',
        riskRank: 1,
        gate: true,
        categories: ['money-movement'],
        ruleIds: ['risk.money.large-transfer'],
        injection: false,
        piiTypes: ['IBAN'],
        entityKinds: ['amount', 'payee'],
        maxAmount: 25000,
      },
    });
  });
});
