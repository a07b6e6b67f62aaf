import type { Gate } from '@dax/protocol';
import type { WebhookTarget } from './rotations-config.js';

/** A gate transition as notifications describe it (no input text, no personal data). */
export interface GateNotice {
  readonly transition: 'opened' | 'escalated' | 'acknowledged' | 'approved' | 'denied' | 'expired';
  readonly gate: Gate;
  /** Who is asked to act (on-call members, or the escalation level's members). */
  readonly notify: readonly string[];
  readonly actor: string;
  readonly at: string;
}

function summaryOf(notice: GateNotice): string {
  const { gate } = notice;
  const head = `Dax gate ${gate.gateId} (${gate.risk}, ${gate.domain}, rotation ${gate.rotation})`;
  switch (notice.transition) {
    case 'opened':
      return `${head} needs a decision by ${gate.decideBy}: ${gate.reason}`;
    case 'escalated':
      return `${head} escalated to level ${gate.level}: nobody acknowledged in time. Decide by ${gate.decideBy}.`;
    case 'acknowledged':
      return `${head} acknowledged by ${notice.actor}.`;
    case 'approved':
      return `${head} approved; the run continues.`;
    case 'denied':
      return `${head} denied by ${notice.actor}; the run ends denied.`;
    case 'expired':
      return `${head} expired without a decision; the run ends denied.`;
  }
}

function severityOf(gate: Gate): 'critical' | 'error' | 'warning' {
  return gate.risk === 'P0' ? 'critical' : gate.risk === 'P1' ? 'error' : 'warning';
}

/**
 * The body sent to a target, in its format. A PagerDuty routing key is a secret:
 * it is added at send time, never stored with the body in the outbox.
 */
export function renderNotification(target: WebhookTarget, notice: GateNotice): Record<string, unknown> {
  const { gate } = notice;
  const summary = summaryOf(notice);
  const details = {
    gateId: gate.gateId,
    runId: gate.runId,
    status: gate.status,
    risk: gate.risk,
    domain: gate.domain,
    rotation: gate.rotation,
    level: gate.level,
    ruleIds: gate.ruleIds,
    decideBy: gate.decideBy,
    notify: notice.notify,
    gatePath: `/v1/gates/${gate.gateId}`,
  };
  switch (target.format) {
    case 'generic':
      return { type: `gate.${notice.transition}`, at: notice.at, actor: notice.actor, summary, gate: details };
    case 'slack':
      return {
        text: summary,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: summary } },
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: `run ${gate.runId} · notify ${notice.notify.join(', ') || '(rotation)'} · \`dax gates show ${gate.gateId}\`` }],
          },
        ],
      };
    case 'pagerduty': {
      const action = notice.transition === 'opened' || notice.transition === 'escalated' ? 'trigger' : notice.transition === 'acknowledged' ? 'acknowledge' : 'resolve';
      return {
        event_action: action,
        dedup_key: gate.gateId,
        ...(action === 'trigger'
          ? { payload: { summary: summary.slice(0, 1024), source: 'dax-gateway', severity: severityOf(gate), timestamp: notice.at, custom_details: details } }
          : {}),
      };
    }
  }
}
