import { DaxError, gateSchema, type Gate, type GateDecision, type GateEvent, type GateStatus } from '@dax/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { GateDatabase, GateOutboxTable, GatesTable } from './gate-database.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { validateStored } from './parse-stored.js';
import { storeFailure } from './store-failure.js';

/** The statuses in which a gate still waits for people. */
export const openGateStatuses: readonly GateStatus[] = ['opened', 'notified', 'acknowledged'];

export interface NewGate {
  readonly gateId: string;
  readonly runId: string;
  readonly tenant: string;
  readonly domain: string;
  readonly risk: string;
  readonly reason: string;
  readonly ruleIds: readonly string[];
  readonly rotation: string;
  readonly requiredApprovals: number;
  readonly caller?: string;
  readonly openedAt: string;
  readonly acknowledgeBy?: string;
  readonly decideBy: string;
}

/** A delivery to queue with a transition; `id` makes queuing it twice harmless. */
export interface NewNotification {
  readonly id: string;
  readonly transition: string;
  readonly target: string;
  readonly payload: unknown;
}

export interface GateTransition {
  readonly from: readonly GateStatus[];
  readonly to: GateStatus;
  readonly at: string;
  readonly level?: number;
  readonly acknowledgeBy?: string | null;
  readonly acknowledgedBy?: string;
  readonly decided?: boolean;
  readonly notifications?: readonly NewNotification[];
}

export interface GateListQuery {
  readonly tenant: string;
  /** `open` lists every gate still waiting (opened, notified, acknowledged). */
  readonly status?: GateStatus | 'open';
  readonly limit: number;
}

export interface DueNotification {
  readonly id: string;
  readonly gateId: string;
  readonly target: string;
  readonly payload: unknown;
  readonly attempts: number;
}

/** The internal view of a gate row the gate service works with. */
export interface GateRecord extends Gate {
  readonly tenant: string;
  readonly resumed: boolean;
}

function toGate(row: GatesTable, decisions: readonly GateDecision[], notifications: readonly GateOutboxTable[]): GateRecord {
  const gate = validateStored(gateSchema, {
    gateId: row.gate_id,
    runId: row.run_id,
    status: row.status,
    domain: row.domain,
    risk: row.risk,
    reason: row.reason,
    ruleIds: JSON.parse(row.rule_ids_json) as unknown,
    rotation: row.rotation,
    level: Number(row.level),
    requiredApprovals: Number(row.required_approvals),
    ...(row.caller === null ? {} : { caller: row.caller }),
    openedAt: row.opened_at,
    ...(row.acknowledge_by === null ? {} : { acknowledgeBy: row.acknowledge_by }),
    decideBy: row.decide_by,
    ...(row.acknowledged_by === null ? {} : { acknowledgedBy: row.acknowledged_by }),
    ...(row.acknowledged_at === null ? {} : { acknowledgedAt: row.acknowledged_at }),
    ...(row.decided_at === null ? {} : { decidedAt: row.decided_at }),
    decisions,
    notifications: notifications.map((entry) => ({
      id: entry.outbox_id,
      transition: entry.transition,
      target: entry.target,
      status: entry.status,
      attempts: Number(entry.attempts),
      ...(entry.last_error === null ? {} : { lastError: entry.last_error }),
      ...(entry.sent_at === null ? {} : { sentAt: entry.sent_at }),
    })),
  });
  return { ...gate, tenant: row.tenant, resumed: Number(row.resumed) === 1 };
}

/**
 * Human gates, their decisions and the notification outbox. Every state change
 * is a conditional update on the current status, so concurrent requests and
 * replicas cannot both win a transition; sweep and delivery work is claimed with
 * `claimed_by`/`claim_until` so one replica does it once.
 */
export class KyselyGateStore {
  readonly #database: Kysely<GateDatabase>;

  constructor(database: Kysely<GateDatabase>) {
    this.#database = database;
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** Opens a gate with its first notifications; false when the run already has one. */
  openGate(gate: NewGate, notifications: readonly NewNotification[]): Promise<boolean> {
    return this.#guard(() =>
      this.#database.transaction().execute(async (transaction) => {
        const inserted = await transaction
          .insertInto('gates')
          .values({
            gate_id: gate.gateId,
            run_id: gate.runId,
            tenant: gate.tenant,
            domain: gate.domain,
            risk: gate.risk,
            reason: gate.reason,
            rule_ids_json: JSON.stringify(gate.ruleIds),
            rotation: gate.rotation,
            status: 'opened',
            level: 0,
            required_approvals: gate.requiredApprovals,
            caller: gate.caller ?? null,
            opened_at: gate.openedAt,
            acknowledge_by: gate.acknowledgeBy ?? null,
            decide_by: gate.decideBy,
            acknowledged_by: null,
            acknowledged_at: null,
            decided_at: null,
            resumed: 0,
            claimed_by: null,
            claim_until: null,
            updated_at: gate.openedAt,
          })
          .onConflict((conflict) => conflict.doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows !== 1n) return false;
        await insertNotifications(transaction, gate.gateId, notifications, gate.openedAt);
        return true;
      }),
    );
  }

  /** Moves a gate from one of `from` to `to`; false when another request moved it first. */
  transition(gateId: string, change: GateTransition): Promise<boolean> {
    return this.#guard(() =>
      this.#database.transaction().execute(async (transaction) => {
        const update = await transaction
          .updateTable('gates')
          .set({
            status: change.to,
            updated_at: change.at,
            ...(change.level === undefined ? {} : { level: change.level }),
            ...(change.acknowledgeBy === undefined ? {} : { acknowledge_by: change.acknowledgeBy }),
            ...(change.acknowledgedBy === undefined ? {} : { acknowledged_by: change.acknowledgedBy, acknowledged_at: change.at }),
            ...(change.decided === true ? { decided_at: change.at } : {}),
          })
          .where('gate_id', '=', gateId)
          .where('status', 'in', [...change.from])
          .executeTakeFirst();
        if (update.numUpdatedRows !== 1n) return false;
        await insertNotifications(transaction, gateId, change.notifications ?? [], change.at);
        return true;
      }),
    );
  }

  /** Records one person's decision; false when that person already decided on this gate. */
  recordDecision(gateId: string, decision: GateDecision): Promise<boolean> {
    return this.#guard(async () => {
      const inserted = await this.#database
        .insertInto('gate_decisions')
        .values({
          gate_id: gateId,
          approver: decision.approver,
          decision: decision.decision,
          comment: decision.comment ?? null,
          decided_at: decision.at,
        })
        .onConflict((conflict) => conflict.columns(['gate_id', 'approver']).doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    });
  }

  async getGate(gateId: string, tenant?: string): Promise<GateRecord | undefined> {
    return this.#guard(async () => {
      const row = await this.#database.selectFrom('gates').selectAll().where('gate_id', '=', gateId).executeTakeFirst();
      if (row === undefined || (tenant !== undefined && row.tenant !== tenant)) return undefined;
      return this.#hydrate(row);
    });
  }

  async getGateOfRun(runId: string): Promise<GateRecord | undefined> {
    return this.#guard(async () => {
      const row = await this.#database.selectFrom('gates').selectAll().where('run_id', '=', runId).executeTakeFirst();
      return row === undefined ? undefined : this.#hydrate(row);
    });
  }

  /** The tenant's gates, oldest first (the one waiting longest comes first). */
  async listGates(query: GateListQuery): Promise<GateRecord[]> {
    return this.#guard(async () => {
      let select = this.#database.selectFrom('gates').selectAll().where('tenant', '=', query.tenant);
      if (query.status === 'open') select = select.where('status', 'in', [...openGateStatuses]);
      else if (query.status !== undefined) select = select.where('status', '=', query.status);
      const rows = await select.orderBy('opened_at').orderBy('gate_id').limit(query.limit).execute();
      return Promise.all(rows.map((row) => this.#hydrate(row)));
    });
  }

  async #hydrate(row: GatesTable): Promise<GateRecord> {
    const decisions = await this.#database
      .selectFrom('gate_decisions')
      .selectAll()
      .where('gate_id', '=', row.gate_id)
      .orderBy('decided_at')
      .orderBy('approver')
      .execute();
    const notifications = await this.#database
      .selectFrom('gate_outbox')
      .selectAll()
      .where('gate_id', '=', row.gate_id)
      .orderBy('created_at')
      .orderBy('outbox_id')
      .execute();
    return toGate(
      row,
      decisions.map((decision) => ({
        approver: decision.approver,
        decision: decision.decision === 'denied' ? 'denied' : 'approved',
        at: decision.decided_at,
        ...(decision.comment === null ? {} : { comment: decision.comment }),
      })),
      notifications,
    );
  }

  /**
   * Claims up to `limit` gates whose SLA is due at `now` (an acknowledge deadline
   * passed while unacknowledged, or the decide deadline passed), or that were
   * decided but whose run was not resumed yet. Each claim is a conditional
   * update, so of several replicas sweeping at once exactly one gets each gate.
   */
  claimDueGates(now: string, owner: string, claimUntil: string, limit: number): Promise<GateRecord[]> {
    return this.#guard(async () => {
      const candidates = await this.#database
        .selectFrom('gates')
        .select('gate_id')
        .where((expression) =>
          expression.and([
            expression.or([expression('claim_until', 'is', null), expression('claim_until', '<=', now)]),
            expression.or([
              expression.and([expression('status', 'in', [...openGateStatuses]), expression('decide_by', '<=', now)]),
              expression.and([
                expression('status', 'in', ['opened', 'notified']),
                expression('acknowledge_by', 'is not', null),
                expression('acknowledge_by', '<=', now),
              ]),
              expression.and([expression('status', 'in', ['approved', 'denied', 'expired']), expression('resumed', '=', 0)]),
            ]),
          ]),
        )
        .orderBy('decide_by')
        .limit(limit)
        .execute();
      const claimed: GateRecord[] = [];
      for (const candidate of candidates) {
        const update = await this.#database
          .updateTable('gates')
          .set({ claimed_by: owner, claim_until: claimUntil })
          .where('gate_id', '=', candidate.gate_id)
          .where((expression) => expression.or([expression('claim_until', 'is', null), expression('claim_until', '<=', now)]))
          .executeTakeFirst();
        if (update.numUpdatedRows !== 1n) continue;
        const gate = await this.getGate(candidate.gate_id);
        if (gate !== undefined) claimed.push(gate);
      }
      return claimed;
    });
  }

  /** Claims one gate for `owner` until `claimUntil`; false when another replica holds a live claim. */
  claimGate(gateId: string, owner: string, now: string, claimUntil: string): Promise<boolean> {
    return this.#guard(async () => {
      const update = await this.#database
        .updateTable('gates')
        .set({ claimed_by: owner, claim_until: claimUntil })
        .where('gate_id', '=', gateId)
        .where((expression) => expression.or([expression('claim_until', 'is', null), expression('claim_until', '<=', now)]))
        .executeTakeFirst();
      return update.numUpdatedRows === 1n;
    });
  }

  releaseGate(gateId: string, owner: string): Promise<void> {
    return this.#guard(async () => {
      await this.#database
        .updateTable('gates')
        .set({ claimed_by: null, claim_until: null })
        .where('gate_id', '=', gateId)
        .where('claimed_by', '=', owner)
        .execute();
    });
  }

  /** Notes that the decided gate's run was resumed (or ended); the sweep stops retrying it. */
  markResumed(gateId: string, at: string): Promise<void> {
    return this.#guard(async () => {
      await this.#database.updateTable('gates').set({ resumed: 1, updated_at: at }).where('gate_id', '=', gateId).execute();
    });
  }

  /** Claims due deliveries (pending, next attempt reached, not claimed by a live replica). */
  claimDueNotifications(now: string, owner: string, claimUntil: string, limit: number, gateId?: string): Promise<DueNotification[]> {
    return this.#guard(async () => {
      let select = this.#database
        .selectFrom('gate_outbox')
        .select('outbox_id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((expression) => expression.or([expression('claim_until', 'is', null), expression('claim_until', '<=', now)]));
      if (gateId !== undefined) select = select.where('gate_id', '=', gateId);
      const candidates = await select.orderBy('created_at').limit(limit).execute();
      const claimed: DueNotification[] = [];
      for (const candidate of candidates) {
        const update = await this.#database
          .updateTable('gate_outbox')
          .set({ claimed_by: owner, claim_until: claimUntil })
          .where('outbox_id', '=', candidate.outbox_id)
          .where('status', '=', 'pending')
          .where((expression) => expression.or([expression('claim_until', 'is', null), expression('claim_until', '<=', now)]))
          .executeTakeFirst();
        if (update.numUpdatedRows !== 1n) continue;
        const row = await this.#database.selectFrom('gate_outbox').selectAll().where('outbox_id', '=', candidate.outbox_id).executeTakeFirstOrThrow();
        claimed.push({ id: row.outbox_id, gateId: row.gate_id, target: row.target, payload: JSON.parse(row.payload_json) as unknown, attempts: Number(row.attempts) });
      }
      return claimed;
    });
  }

  /** Records a delivery attempt: sent, retry at `nextAttemptAt`, or failed for good. */
  recordDelivery(
    id: string,
    outcome: { readonly status: 'sent' | 'pending' | 'failed'; readonly attempts: number; readonly at: string; readonly nextAttemptAt?: string; readonly error?: string },
  ): Promise<void> {
    return this.#guard(async () => {
      await this.#database
        .updateTable('gate_outbox')
        .set({
          status: outcome.status,
          attempts: outcome.attempts,
          claimed_by: null,
          claim_until: null,
          ...(outcome.status === 'sent' ? { sent_at: outcome.at, last_error: null } : {}),
          ...(outcome.nextAttemptAt === undefined ? {} : { next_attempt_at: outcome.nextAttemptAt }),
          ...(outcome.error === undefined ? {} : { last_error: outcome.error }),
        })
        .where('outbox_id', '=', id)
        .execute();
    });
  }

  /** Deliveries that gave up, for metrics and alerts. */
  async countFailedNotifications(): Promise<number> {
    return this.#guard(async () => {
      const row = await this.#database
        .selectFrom('gate_outbox')
        .select((expression) => expression.fn.countAll().as('count'))
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    });
  }

  /** Stores a gate event after the run's last event; returns it with its sequence number. */
  async appendGateEvent(draft: Omit<GateEvent, 'seq'>): Promise<GateEvent> {
    return this.#guard(async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const seq = (await this.lastEventSeq(draft.runId)) + 1;
        const event = { ...draft, seq } as GateEvent;
        const inserted = await this.#database
          .insertInto('run_events')
          .values({ run_id: draft.runId, seq, type: draft.type, event_json: JSON.stringify(event) })
          .onConflict((conflict) => conflict.columns(['run_id', 'seq']).doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 1n) return event;
      }
      throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: 'A gate event could not be numbered.' });
    });
  }

  /** Runs paused at DA-7 that have no gate yet (their gate could not be opened when they paused). */
  pausedRunsWithoutGate(limit: number): Promise<string[]> {
    return this.#guard(async () => {
      const rows = await this.#database
        .selectFrom('runs')
        .leftJoin('gates', 'gates.run_id', 'runs.run_id')
        .select('runs.run_id')
        .where('runs.status', '=', 'awaiting_approval')
        .where('gates.gate_id', 'is', null)
        .limit(limit)
        .execute();
      return rows.map((row) => row.run_id);
    });
  }

  async lastEventSeq(runId: string): Promise<number> {
    const row = await this.#database
      .selectFrom('run_events')
      .select((expression) => expression.fn.max('seq').as('seq'))
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }
}

async function insertNotifications(
  transaction: Transaction<GateDatabase>,
  gateId: string,
  notifications: readonly NewNotification[],
  at: string,
): Promise<void> {
  if (notifications.length === 0) return;
  await transaction
    .insertInto('gate_outbox')
    .values(
      notifications.map((notification) => ({
        outbox_id: notification.id,
        gate_id: gateId,
        transition: notification.transition,
        target: notification.target,
        payload_json: JSON.stringify(notification.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        sent_at: null,
        claimed_by: null,
        claim_until: null,
      })),
    )
    .onConflict((conflict) => conflict.column('outbox_id').doNothing())
    .execute();
}

/** The gate repository sharing a run store's database (and its migrations). */
export function gateStoreFor(runStore: KyselyRunStore): KyselyGateStore {
  return new KyselyGateStore(runStore.database.withTables<GateDatabase>());
}
