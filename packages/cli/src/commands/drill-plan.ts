import type { Finding, RunStatus } from '@dax/protocol';

export type DrillKind = 'drift' | 'rollback' | 'outage';

/** What one drill run produced: a run result, or the error the gateway refused the run with. */
export interface DrillRunOutcome {
  readonly runId?: string;
  readonly status?: RunStatus;
  readonly errorCode?: string;
  readonly decision?: { readonly action: string; readonly reason: string; readonly layer?: string };
  readonly findings: readonly Finding[];
}

/** A counter or gauge the drill reads before and after injecting. */
export interface WatchedMetric {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The smallest rise that passes; undefined: reported only. */
  readonly minDelta?: number;
}

/** One expectation, checked against what happened. */
export interface DrillCheck {
  readonly name: string;
  readonly expected: string;
  readonly observed: string;
  readonly passed: boolean;
}

/** A drill: the anomaly it injects (through the drill script's domain), and what must follow. */
export interface DrillPlan {
  readonly kind: DrillKind;
  readonly title: string;
  /** The run domain that selects the anomaly in the gateway's drill script. */
  readonly domain: string;
  readonly intent: string;
  readonly injected: string;
  /** Runs to start at most; the drill stops early once `enough` says so. */
  readonly maxRuns: number;
  enough(outcomes: readonly DrillRunOutcome[]): boolean;
  checks(outcomes: readonly DrillRunOutcome[]): DrillCheck[];
  /** Metrics to compare; labels may depend on what the runs did. */
  watched(outcomes: readonly DrillRunOutcome[]): WatchedMetric[];
}

/** The drill script every drill expects the gateway to run with. */
export const drillScriptPath = 'config/drills/drills.json';

/** The intent every drill run governs: harmless, ungated, with a recipient the drift guard anchors. */
export const drillIntent = 'Email the quarterly report to the team';

/** Describes what a run ended as, for a report. */
export function describeOutcome(outcome: DrillRunOutcome): string {
  if (outcome.status === undefined) return `refused: ${outcome.errorCode ?? 'unknown error'}`;
  return `${outcome.status}${outcome.errorCode === undefined ? '' : ` (${outcome.errorCode})`}`;
}

/** The check every drill makes: no run of an injected anomaly may end approved. */
export function neverApprovedCheck(outcomes: readonly DrillRunOutcome[]): DrillCheck {
  const approved = outcomes.filter((outcome) => outcome.status === 'approved').length;
  return {
    name: 'never approved',
    expected: 'no run ends approved',
    observed: approved === 0 ? 'none approved' : `${approved} of ${outcomes.length} run(s) approved: the anomaly was not injected (is the gateway running ${drillScriptPath}?)`,
    passed: approved === 0 && outcomes.length > 0,
  };
}
