import type { Clock } from '@dax/core';
import { DaxError, type Approval, type GateEvent, type GateEventType, type GateStatus, type RunResult } from '@dax/protocol';
import { openGateStatuses, type GateRecord, type KyselyGateStore, type NewNotification } from '@dax/store';
import type { Identity } from '../identity.js';
import { deliverNotifications } from './deliver-notifications.js';
import type { Rotations } from './load-rotations.js';
import { decidersAt, isMember, onCallMembers, routeGate } from './on-call.js';
import { renderNotification, type GateNotice } from './render-notification.js';
import type { Rotation } from './rotations-config.js';

/** The system identity that expires a gate nobody decided in time. */
export const slaExpiryActor = 'system:sla';

export interface GateServiceOptions {
  readonly gates: KyselyGateStore;
  readonly rotations: Rotations;
  readonly clock: Clock;
  /** This replica's id, for claims. */
  readonly owner: string;
  /** Continues the paused run with the decisions (on whichever replica calls it). */
  readonly resumeRun: (tenant: string, runId: string, approvals: readonly Approval[], eventSeq: number) => Promise<RunResult>;
  /** A paused run's stored result and tenant/caller, for gates that could not be opened at pause time. */
  readonly pausedRun: (runId: string) => Promise<{ result: RunResult; tenant: string; caller?: string } | undefined>;
  /** Each gate event once stored (live streams, metrics). */
  readonly onEvent?: (tenant: string, event: GateEvent) => void;
  readonly onError?: (error: unknown, context: string) => void;
  /** Redacts personal data and secrets from an approver's comment before it is stored. */
  readonly redact?: (text: string) => string;
  /** How long a sweep or delivery claim lasts before another replica may take over. */
  readonly claimMs?: number;
}

export interface SweepOutcome {
  readonly opened: number;
  readonly escalated: number;
  readonly expired: number;
  readonly resumed: number;
  readonly delivered: number;
  readonly failedDeliveries: number;
}

export interface DecisionOutcome {
  readonly gate: GateRecord;
  readonly run?: RunResult;
}

const eventTypeOf: Record<GateNotice['transition'] | 'notified', GateEventType> = {
  opened: 'gate-opened',
  notified: 'gate-notified',
  escalated: 'gate-escalated',
  acknowledged: 'gate-acknowledged',
  approved: 'gate-approved',
  denied: 'gate-denied',
  expired: 'gate-expired',
};

const finalStatuses: ReadonlySet<GateStatus> = new Set(['approved', 'denied', 'expired']);

function addSeconds(at: Date, seconds: number): string {
  return new Date(at.getTime() + seconds * 1000).toISOString();
}

/**
 * The human gate's life: opens a gate when a run pauses at DA-7, routes it to a
 * rotation, checks who may acknowledge and decide, collects decisions (two
 * distinct approvers for P0), resumes or ends the run, escalates and expires on
 * SLA (fail closed: an expired gate denies the run) and delivers every
 * transition's notifications through the outbox.
 */
export class GateService {
  readonly #options: GateServiceOptions;
  readonly #claimMs: number;
  readonly #background = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #sweeping = false;

  constructor(options: GateServiceOptions) {
    this.#options = options;
    this.#claimMs = options.claimMs ?? 60_000;
  }

  get rotations(): Rotations {
    return this.#options.rotations;
  }

  #rotationOf(gate: GateRecord): Rotation {
    const rotation = this.#options.rotations.file.rotations.find((candidate) => candidate.name === gate.rotation);
    if (rotation === undefined) {
      throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Gate ${gate.gateId} is routed to rotation "${gate.rotation}", which is no longer configured.` });
    }
    return rotation;
  }

  #notifications(notice: GateNotice): NewNotification[] {
    const { file } = this.#options.rotations;
    return file.webhooks
      .filter((webhook) => webhook.rotations === undefined || webhook.rotations.includes(notice.gate.rotation))
      .map((webhook) => ({
        id: `${notice.gate.gateId}:${notice.transition}:${notice.gate.level}:${webhook.name}`,
        transition: notice.transition,
        target: webhook.name,
        payload: renderNotification(webhook, notice),
      }));
  }

  async #emit(gate: GateRecord, transition: GateNotice['transition'] | 'notified', actor: string, status: GateStatus, level: number): Promise<void> {
    try {
      const event = await this.#options.gates.appendGateEvent({
        type: eventTypeOf[transition],
        runId: gate.runId,
        at: this.#options.clock.now().toISOString(),
        gateId: gate.gateId,
        status,
        actor,
        level,
      });
      this.#options.onEvent?.(gate.tenant, event);
    } catch (error) {
      this.#options.onError?.(error, 'gate event not stored');
    }
  }

  /** Delivers this gate's pending notifications in the background (the outbox keeps them if this fails). */
  #kick(gateId: string): void {
    const work = this.deliver(this.#options.clock.now(), gateId)
      .then(() => undefined)
      .catch((error: unknown) => this.#options.onError?.(error, 'gate notifications not delivered'));
    this.#background.add(work);
    void work.finally(() => this.#background.delete(work));
  }

  /** Waits for background deliveries (shutdown, tests). */
  async settle(): Promise<void> {
    while (this.#background.size > 0) await Promise.all([...this.#background]);
  }

  /** Opens the gate of a run that paused at DA-7 (once: a second call for the same run does nothing). */
  async openForRun(result: RunResult, context: { readonly tenant: string; readonly caller?: string }): Promise<GateRecord | undefined> {
    if (result.status !== 'awaiting_approval') return undefined;
    const now = this.#options.clock.now();
    const ruleIds = [...new Set([...result.policy.ruleIds, ...result.findings.flatMap((finding) => (finding.guard === 'risk' && finding.ruleId !== undefined ? [finding.ruleId] : []))])];
    const rotation = routeGate(this.#options.rotations.file, { domain: result.domain, grade: result.risk.grade, ruleIds });
    const gateId = `gate_${result.runId.replace(/^run_/, '')}`;
    const draft: GateRecord = {
      gateId,
      runId: result.runId,
      tenant: context.tenant,
      status: 'opened',
      domain: result.domain,
      risk: result.risk.grade,
      reason: result.decision.reason,
      ruleIds,
      rotation: rotation.name,
      level: 0,
      requiredApprovals: result.risk.grade === 'P0' ? 2 : 1,
      ...(context.caller === undefined ? {} : { caller: context.caller }),
      openedAt: now.toISOString(),
      acknowledgeBy: addSeconds(now, rotation.sla.acknowledgeSeconds),
      decideBy: addSeconds(now, rotation.sla.decideSeconds),
      decisions: [],
      notifications: [],
      resumed: false,
    };
    const opened = await this.#options.gates.openGate(
      { ...draft, acknowledgeBy: draft.acknowledgeBy!, ...(context.caller === undefined ? {} : { caller: context.caller }) },
      this.#notifications({ transition: 'opened', gate: draft, notify: onCallMembers(rotation, now), actor: 'system', at: draft.openedAt }),
    );
    if (opened) {
      await this.#emit(draft, 'opened', 'system', 'opened', 0);
      this.#kick(gateId);
    }
    return this.#options.gates.getGateOfRun(result.runId);
  }

  async getGate(gateId: string, tenant: string): Promise<GateRecord> {
    const gate = await this.#options.gates.getGate(gateId, tenant);
    if (gate === undefined) throw new DaxError('DAX_E_GATE_NOT_FOUND');
    return gate;
  }

  listGates(tenant: string, status: GateStatus | 'open' | undefined, limit: number): Promise<GateRecord[]> {
    return this.#options.gates.listGates({ tenant, limit, ...(status === undefined ? {} : { status }) });
  }

  /** Loads a gate and checks the identity may act on it now (tenant, still open, not the caller, on call). */
  async #authorise(gateId: string, identity: Identity): Promise<{ gate: GateRecord; rotation: Rotation }> {
    const gate = await this.getGate(gateId, identity.tenant);
    if (finalStatuses.has(gate.status)) throw new DaxError('DAX_E_GATE_CLOSED', { detail: `The gate is ${gate.status}.` });
    if (gate.caller !== undefined && gate.caller === identity.subject) throw new DaxError('DAX_E_GATE_SELF_APPROVAL');
    const rotation = this.#rotationOf(gate);
    if (!isMember(decidersAt(rotation, gate.level, this.#options.clock.now()), identity)) {
      throw new DaxError('DAX_E_GATE_NOT_ON_CALL', { detail: `Rotation "${rotation.name}" at escalation level ${gate.level}.` });
    }
    return { gate, rotation };
  }

  /** Acknowledges: the gate stops escalating; the decide deadline still applies. */
  async acknowledge(gateId: string, identity: Identity): Promise<GateRecord> {
    const { gate } = await this.#authorise(gateId, identity);
    if (gate.status === 'acknowledged') return gate;
    const at = this.#options.clock.now().toISOString();
    const next: GateRecord = { ...gate, status: 'acknowledged', acknowledgedBy: identity.subject, acknowledgedAt: at };
    const moved = await this.#options.gates.transition(gateId, {
      from: ['opened', 'notified'],
      to: 'acknowledged',
      at,
      acknowledgedBy: identity.subject,
      acknowledgeBy: null,
      notifications: this.#notifications({ transition: 'acknowledged', gate: next, notify: [], actor: identity.subject, at }),
    });
    if (moved) {
      await this.#emit(gate, 'acknowledged', identity.subject, 'acknowledged', gate.level);
      this.#kick(gateId);
    }
    return this.getGate(gateId, identity.tenant);
  }

  /**
   * Records a person's decision. A denial ends the run `denied`; approvals
   * release the run once the gate has the approvals its risk requires (P0: two
   * distinct people). The run is resumed here; if that fails, the sweep retries.
   */
  async decide(gateId: string, identity: Identity, decision: 'approved' | 'denied', comment?: string): Promise<DecisionOutcome> {
    const { gate } = await this.#authorise(gateId, identity);
    const at = this.#options.clock.now().toISOString();
    const stored = comment === undefined || this.#options.redact === undefined ? comment : this.#options.redact(comment);
    const recorded = await this.#options.gates.recordDecision(gateId, { approver: identity.subject, decision, at, ...(stored === undefined ? {} : { comment: stored }) });
    if (!recorded) throw new DaxError('DAX_E_GATE_ALREADY_DECIDED');
    const current = await this.getGate(gateId, identity.tenant);
    const approvers = new Set(current.decisions.filter((entry) => entry.decision === 'approved').map((entry) => entry.approver));
    const final: GateStatus | undefined = decision === 'denied' ? 'denied' : approvers.size >= current.requiredApprovals ? 'approved' : undefined;
    if (final === undefined) return { gate: current };
    const moved = await this.#options.gates.transition(gateId, {
      from: openGateStatuses,
      to: final,
      at,
      decided: true,
      acknowledgeBy: null,
      notifications: this.#notifications({ transition: final === 'approved' ? 'approved' : 'denied', gate: { ...current, status: final }, notify: [], actor: identity.subject, at }),
    });
    if (!moved) return { gate: await this.getGate(gateId, identity.tenant) };
    await this.#emit(gate, final === 'approved' ? 'approved' : 'denied', identity.subject, final, current.level);
    this.#kick(gateId);
    // Claimed while resuming, so a sweep on another replica does not take the same gate meanwhile.
    const now = this.#options.clock.now();
    const { gates, owner } = this.#options;
    let run: RunResult | undefined;
    if (await gates.claimGate(gateId, owner, now.toISOString(), addSeconds(now, this.#claimMs / 1000))) {
      try {
        run = await this.#resume(await this.getGate(gateId, identity.tenant));
      } finally {
        await gates.releaseGate(gateId, owner).catch((error: unknown) => this.#options.onError?.(error, 'gate claim not released'));
      }
    }
    return { gate: await this.getGate(gateId, identity.tenant), ...(run === undefined ? {} : { run }) };
  }

  /** Continues (or ends) the decided gate's run with its decisions; marks the gate resumed unless that failed. */
  async #resume(gate: GateRecord): Promise<RunResult | undefined> {
    const approvals: Approval[] = gate.decisions.map((entry) => ({ gateId: gate.gateId, ...entry }));
    if (gate.status === 'expired' && !approvals.some((entry) => entry.decision === 'denied')) {
      approvals.push({ gateId: gate.gateId, approver: slaExpiryActor, decision: 'denied', at: gate.decidedAt ?? gate.decideBy, comment: 'No decision before the deadline; denied (fail closed).' });
    }
    try {
      const seq = await this.#options.gates.lastEventSeq(gate.runId);
      const run = await this.#options.resumeRun(gate.tenant, gate.runId, approvals, seq);
      await this.#options.gates.markResumed(gate.gateId, this.#options.clock.now().toISOString());
      return run;
    } catch (error) {
      if (DaxError.isInstance(error) && error.code === 'DAX_E_RUN_NOT_PAUSED') {
        // Another replica resumed (or is resuming) it: nothing left to do here.
        await this.#options.gates.markResumed(gate.gateId, this.#options.clock.now().toISOString());
        return undefined;
      }
      this.#options.onError?.(error, 'gate decided but its run could not be resumed; the sweep retries');
      return undefined;
    }
  }

  /**
   * One pass of the SLA timers at `now`: opens gates missing for paused runs,
   * escalates gates not acknowledged in time, expires gates past their decide
   * deadline (their runs end `denied`), resumes decided gates whose run was not
   * resumed yet, and delivers due notifications. Safe to run on every replica at
   * once: each gate and delivery is claimed by exactly one.
   */
  async sweep(now: Date = this.#options.clock.now()): Promise<SweepOutcome> {
    const { gates, owner } = this.#options;
    let opened = 0;
    let escalated = 0;
    let expired = 0;
    let resumed = 0;
    for (const runId of await gates.pausedRunsWithoutGate(50)) {
      try {
        const paused = await this.#options.pausedRun(runId);
        if (paused !== undefined && (await this.openForRun(paused.result, { tenant: paused.tenant, ...(paused.caller === undefined ? {} : { caller: paused.caller }) })) !== undefined) opened += 1;
      } catch (error) {
        this.#options.onError?.(error, 'gate of a paused run could not be opened');
      }
    }
    const stamp = now.toISOString();
    for (const gate of await gates.claimDueGates(stamp, owner, addSeconds(now, this.#claimMs / 1000), 100)) {
      try {
        if (finalStatuses.has(gate.status)) {
          if ((await this.#resume(gate)) !== undefined) resumed += 1;
        } else if (gate.decideBy <= stamp) {
          const moved = await gates.transition(gate.gateId, {
            from: openGateStatuses,
            to: 'expired',
            at: stamp,
            decided: true,
            acknowledgeBy: null,
            notifications: this.#notifications({ transition: 'expired', gate: { ...gate, status: 'expired' }, notify: [], actor: slaExpiryActor, at: stamp }),
          });
          if (moved) {
            expired += 1;
            await this.#emit(gate, 'expired', slaExpiryActor, 'expired', gate.level);
            const current = await gates.getGate(gate.gateId);
            if (current !== undefined && (await this.#resume(current)) !== undefined) resumed += 1;
          }
        } else if (await this.#escalate(gate, now)) {
          escalated += 1;
        }
      } catch (error) {
        this.#options.onError?.(error, 'gate sweep step failed');
      } finally {
        await gates.releaseGate(gate.gateId, owner).catch((error: unknown) => this.#options.onError?.(error, 'gate claim not released'));
      }
    }
    const delivery = await this.deliver(now);
    return { opened, escalated, expired, resumed, delivered: delivery.delivered, failedDeliveries: delivery.failed };
  }

  /** Raises an unacknowledged gate one escalation level and notifies that level's members. */
  async #escalate(gate: GateRecord, now: Date): Promise<boolean> {
    const rotation = this.#rotationOf(gate);
    const next = rotation.escalation[gate.level];
    const level = next === undefined ? gate.level : gate.level + 1;
    const acknowledgeBy = next === undefined ? null : addSeconds(now, next.acknowledgeSeconds);
    const stamp = now.toISOString();
    const escalatedGate: GateRecord = { ...gate, level, ...(acknowledgeBy === null ? {} : { acknowledgeBy }) };
    const moved = await this.#options.gates.transition(gate.gateId, {
      from: ['opened', 'notified'],
      to: gate.status,
      at: stamp,
      level,
      acknowledgeBy,
      notifications:
        next === undefined ? [] : this.#notifications({ transition: 'escalated', gate: escalatedGate, notify: next.members, actor: slaExpiryActor, at: stamp }),
    });
    if (!moved || next === undefined) return false;
    await this.#emit(gate, 'escalated', slaExpiryActor, gate.status, level);
    return true;
  }

  /**
   * Sends due notifications (all, or one gate's) through the outbox; the first
   * successful delivery of a gate moves it from opened to notified.
   */
  async deliver(now: Date, gateId?: string): Promise<{ delivered: number; failed: number }> {
    const { gates, owner, rotations, clock } = this.#options;
    const outcome = await deliverNotifications({ gates, rotations, clock, owner, claimUntil: addSeconds(now, this.#claimMs / 1000) }, now, gateId);
    for (const delivered of outcome.deliveredGateIds) await this.#markNotified(delivered, clock.now());
    return { delivered: outcome.delivered, failed: outcome.failed };
  }

  async #markNotified(gateId: string, at: Date): Promise<void> {
    const moved = await this.#options.gates.transition(gateId, { from: ['opened'], to: 'notified', at: at.toISOString() });
    if (!moved) return;
    const gate = await this.#options.gates.getGate(gateId);
    if (gate !== undefined) await this.#emit(gate, 'notified', 'system', 'notified', gate.level);
  }

  /** Runs `sweep` every `intervalMs` on this replica (0: never); a pass still running is not overlapped. */
  startSweeping(intervalMs: number): void {
    if (intervalMs <= 0 || this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (this.#sweeping) return;
      this.#sweeping = true;
      const pass = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.#options.onError?.(error, 'gate sweep failed'))
        .finally(() => {
          this.#sweeping = false;
        });
      this.#background.add(pass);
      void pass.finally(() => this.#background.delete(pass));
    }, intervalMs);
    this.#timer.unref();
  }

  stopSweeping(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Deliveries that gave up, for a metric. */
  failedNotifications(): Promise<number> {
    return this.#options.gates.countFailedNotifications();
  }
}
