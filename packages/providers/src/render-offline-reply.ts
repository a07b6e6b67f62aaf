import type { LayerFacts, LayerIdentity } from '@dax/core';
import { categoryLabel, isSafeToRestate } from './is-safe-to-restate.js';
import { adapterSignals, type OfflineAdapter } from './offline-adapter.js';
import { numberSteps, splitSteps } from './split-steps.js';

export interface OfflineReply {
  readonly output: string;
  readonly reason: string;
}

/** Maps a run's action categories to adapters (memoised by the caller). */
export type AdaptersOf = (categories: readonly string[]) => readonly OfflineAdapter[];

function joinOr(items: readonly string[] | undefined, empty: string): string {
  return items === undefined || items.length === 0 ? empty : items.join(', ');
}

function labels(categories: readonly string[] | undefined): string[] {
  return [...new Set((categories ?? []).map(categoryLabel))];
}

function riskLine(facts: LayerFacts): string {
  const risk = facts.risk;
  if (risk === undefined) return 'Risk grade pending';
  // Reasons that quote amounts or names are not restated (they could read as new facts);
  // the action categories stand in for them.
  const reasons = risk.reasons.filter(isSafeToRestate);
  const why = reasons.length > 0 ? reasons : labels(facts.categories);
  return `Risk ${risk.grade}${why.length > 0 ? ` (${why.join(', ')})` : ''}${risk.gate ? '; human gate required' : ''}`;
}

function checkpointLine(facts: LayerFacts): string {
  const grade = facts.risk?.grade ?? 'pending';
  const decision = facts.policy?.decision ?? 'pending';
  const required = facts.risk?.gate === true || decision === 'gate';
  return required
    ? `Human checkpoint: required (risk ${grade}; policy ${decision}). Review the mission before approval.`
    : `Human checkpoint: waived (risk ${grade}; policy ${decision}).`;
}

function signalsLine(adapters: readonly OfflineAdapter[]): string {
  const success = adapters.map((adapter) => adapterSignals[adapter].success).join(', ');
  const failure = adapters.map((adapter) => adapterSignals[adapter].failure).join(', ');
  return `Signals: success = ${success}; failure = ${failure}; sensitive fields excluded`;
}

/**
 * Each layer's duty rendered from the run's facts. Every output except DA-X's keeps
 * the working intent word for word, so it states nothing the intent did not
 * (no new amounts, addresses, dates, links, and no dropped or added negation).
 */
export function renderOfflineReply(layer: LayerIdentity, facts: LayerFacts, adaptersOf: AdaptersOf): OfflineReply {
  const intent = facts.intent;
  switch (layer.id) {
    case 13:
      return { output: `Mission: ${intent}`, reason: 'Mission restated from the intent; nothing added.' };
    case 12:
      return { output: `Policy set: ${facts.domain}. Mission: ${intent}`, reason: 'Bound to the domain policy set.' };
    case 11:
      return { output: `${riskLine(facts)}\n${intent}`, reason: 'Risk taken from the deterministic risk rules.' };
    case 10:
      return {
        output: `Mandate: ${joinOr(labels(facts.categories), 'general request')}. Scope: ${intent}`,
        reason: 'Mandate filled only with fields present in the intent.',
      };
    case 9: {
      const decision = facts.policy?.decision ?? 'pending';
      return {
        output: `Policy decision: ${decision} (${joinOr(facts.policy?.ruleIds, 'default')})\n${intent}`,
        reason: 'Decision taken from the policy engine.',
      };
    }
    case 8:
      return {
        output: `Evidence markers: ${joinOr(facts.redactedTypes, 'clean')}. Mission: ${intent}`,
        reason: 'Evidence refers to redacted types only.',
      };
    case 7:
      return { output: `${checkpointLine(facts)}\n${intent}`, reason: 'Checkpoint follows the risk grade and policy decision.' };
    case 6:
      return { output: numberSteps(splitSteps(intent)), reason: 'Intent split into ordered steps.' };
    case 5:
      return {
        output: `Adapter: ${adaptersOf(facts.categories ?? []).join(', ')}\n${intent}`,
        reason: 'Steps mapped to allowed adapters.',
      };
    case 4:
      return { output: `${signalsLine(adaptersOf(facts.categories ?? []))}\n${intent}`, reason: 'Essential signals only.' };
    case 3:
      return { output: `Drift check: consistent with the anchor.\n${intent}`, reason: 'Checked against the anchor.' };
    case 2:
      return { output: `Structure check passed.\n${intent}`, reason: 'Well-formed and complete.' };
    case 1:
      return { output: intent, reason: 'Final action text.' };
    case 'X':
      return { output: 'Stable: accept.', reason: 'Chain stable.' };
    default:
      return { output: intent, reason: 'Intent carried forward.' };
  }
}
