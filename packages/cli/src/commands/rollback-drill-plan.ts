import { drillIntent, drillScriptPath, neverApprovedCheck, type DrillPlan, type WatchedMetric } from './drill-plan.js';

const unstableLayer = 'DA-4';

/**
 * An unstable layer: DA-4 answers nothing on every call. The re-run is empty too, so
 * the layer's output is discarded and DA-X decides a rollback to the last stable output.
 */
export function rollbackDrillPlan(): DrillPlan {
  return {
    kind: 'rollback',
    title: `unstable ${unstableLayer} forces a DA-X rollback`,
    domain: 'drill-rollback',
    intent: drillIntent,
    injected: `${unstableLayer} answers an empty text on every call (its re-run too), from ${drillScriptPath}.`,
    maxRuns: 1,
    enough: () => true,
    checks(outcomes) {
      const last = outcomes.at(-1);
      const unstable = last?.findings.filter((finding) => finding.layer === unstableLayer && finding.guard !== 'drift') ?? [];
      const rollback = unstable.some((finding) => finding.guard === 'stability' && finding.kind === 'rollback');
      return [
        neverApprovedCheck(outcomes),
        {
          name: 'DA-X decision',
          expected: 'status rolled_back, action rollback, decided by DA-X',
          observed: last === undefined ? 'no run' : `status ${last.status ?? `refused: ${last.errorCode ?? 'unknown'}`}, action ${last.decision?.action ?? 'none'}, decided by ${last.decision?.layer ?? 'nobody'}`,
          passed: last?.status === 'rolled_back' && last.decision?.action === 'rollback' && last.decision.layer === 'DA-X',
        },
        {
          name: 'unstable layer findings',
          expected: `an empty-output finding and a rollback finding at ${unstableLayer}`,
          observed: unstable.length === 0 ? `no finding at ${unstableLayer}` : unstable.map((finding) => `${finding.guard}/${finding.kind}`).join(', '),
          passed: rollback && unstable.some((finding) => finding.guard === 'structure' && finding.kind === 'empty-output'),
        },
      ];
    },
    watched: (): WatchedMetric[] => [
      { metric: 'dax_rollbacks_total', labels: { layer: unstableLayer }, minDelta: 1 },
      { metric: 'dax_runs_total', labels: { status: 'rolled_back' }, minDelta: 1 },
      { metric: 'dax_halts_total', labels: {} },
    ],
  };
}
