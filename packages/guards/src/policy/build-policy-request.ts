import type { PolicyInput } from '@dax/core';
import type { Context, EntityUid } from '@cedar-policy/cedar-wasm/nodejs';
import type { RiskGrade } from '@dax/protocol';
import { DaxError } from '@dax/protocol';
import { maxAmount } from './max-amount.js';

/** The principal, action, resource and context of one DA-9 decision. */
export interface PolicyRequest {
  readonly principal: EntityUid;
  readonly action: EntityUid;
  readonly resource: EntityUid;
  readonly context: Context;
}

const riskRanks: Readonly<Record<RiskGrade, number>> = { P0: 0, P1: 1, P2: 2, P3: 3 };
const runAction: EntityUid = { type: 'Dax::Action', id: 'run' };

/** Maps a policy input onto the request shape declared in `policySchemaText`. */
export function buildPolicyRequest(input: PolicyInput): PolicyRequest {
  const grade = input.risk.grade;
  const riskRank = Object.hasOwn(riskRanks, grade) ? riskRanks[grade] : undefined;
  if (riskRank === undefined) {
    throw new DaxError('DAX_E_POLICY_EVALUATION', { detail: 'the risk grade is not one of P0..P3' });
  }
  return {
    principal: { type: 'Dax::Tenant', id: input.tenant },
    action: runAction,
    resource: { type: 'Dax::Domain', id: input.domain },
    context: {
      risk: grade,
      riskRank,
      gate: input.risk.gate,
      categories: [...input.risk.categories],
      ruleIds: [...input.risk.ruleIds],
      injection: input.injection,
      piiTypes: [...input.piiTypes],
      entityKinds: [...new Set(input.entities.map((entity) => entity.kind))],
      maxAmount: maxAmount(input.entities),
    },
  };
}
