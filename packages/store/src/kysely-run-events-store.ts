import type { RunEvent } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { RunTextVault } from './data/run-text-vault.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { parseStored, type StoredShape } from './parse-stored.js';
import { prepareQuery, type PreparedQuery, type Slot } from './prepared-query.js';
import type { RunEventsDatabase } from './run-events-database.js';
import { storeFailure } from './store-failure.js';

const runEventTypes: ReadonlySet<string> = new Set([
  'run-start',
  'layer-start',
  'guard-finding',
  'layer-end',
  'run-end',
  'gate-opened',
  'gate-notified',
  'gate-acknowledged',
  'gate-escalated',
  'gate-approved',
  'gate-denied',
  'gate-expired',
]);

/** Checks the envelope every stored event must have; the rest was written by this code. */
const runEventShape: StoredShape<RunEvent> = {
  safeParse(value) {
    const event = value as Partial<Record<'runId' | 'seq' | 'type' | 'at', unknown>> | null;
    return typeof event === 'object' &&
      event !== null &&
      typeof event.runId === 'string' &&
      Number.isSafeInteger(event.seq) &&
      typeof event.type === 'string' &&
      runEventTypes.has(event.type) &&
      typeof event.at === 'string'
      ? { success: true, data: value as RunEvent }
      : { success: false, error: new TypeError('A stored run event lacks its envelope.') };
  },
};

interface ListValues {
  runId: string;
  tenant: string;
  afterSeq: number;
}

/**
 * The event streams of finished and paused runs, so a client can replay them
 * (`GET /v1/runs/:id/events` with `Last-Event-ID`) after the live stream is gone.
 * Events hold no raw input: findings are typed and trace outputs are redacted.
 */
export class KyselyRunEventsStore {
  readonly #database: Kysely<RunEventsDatabase>;
  readonly #listEvents: PreparedQuery<ListValues, { event_json: string; subject_id: string | null }>;
  readonly #vault: RunTextVault | undefined;

  /** With a vault, the texts of runs naming a data subject are stored encrypted. */
  constructor(database: Kysely<RunEventsDatabase>, vault?: RunTextVault) {
    this.#database = database;
    this.#vault = vault;
    this.#listEvents = prepareQuery((slot: Slot<ListValues>) =>
      database
        .selectFrom('run_events')
        .innerJoin('runs', 'runs.run_id', 'run_events.run_id')
        .select(['run_events.event_json', 'runs.subject_id'])
        .where('run_events.run_id', '=', slot('runId'))
        .where('runs.tenant', '=', slot('tenant'))
        .where('run_events.seq', '>', slot('afterSeq'))
        .orderBy('run_events.seq'),
    );
  }

  /** Writes a run's events in one statement; events already stored (same run and seq) are kept. */
  async appendEvents(events: readonly RunEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      const vault = this.#vault;
      const stored = vault === undefined ? events : await Promise.all(events.map((event) => vault.sealEvent(event)));
      await this.#database
        .insertInto('run_events')
        .values(stored.map((event) => ({ run_id: event.runId, seq: event.seq, type: event.type, event_json: JSON.stringify(event) })))
        .onConflict((conflict) => conflict.columns(['run_id', 'seq']).doNothing())
        .execute();
    } catch (cause) {
      throw storeFailure(cause);
    }
  }

  /** The tenant's stored events of a run with a sequence number above `afterSeq`, in order. */
  async listEvents(runId: string, tenant: string, afterSeq = 0): Promise<RunEvent[]> {
    let rows: { event_json: string; subject_id: string | null }[];
    let key: Uint8Array | null | undefined = null;
    try {
      rows = (await this.#database.executeQuery(this.#listEvents({ runId, tenant, afterSeq }))).rows;
      const subjectId = rows[0]?.subject_id ?? null;
      if (this.#vault !== undefined && subjectId !== null) key = await this.#vault.readKey(tenant, subjectId);
    } catch (cause) {
      throw storeFailure(cause);
    }
    const vault = this.#vault;
    return rows.map((row) => {
      const event = parseStored(runEventShape, row.event_json);
      return vault === undefined ? event : vault.openEvent(event, key);
    });
  }
}

/** The run events repository sharing a run store's database (and its migrations). */
export function runEventsStoreFor(runStore: KyselyRunStore): KyselyRunEventsStore {
  return new KyselyRunEventsStore(runStore.database.withTables<RunEventsDatabase>(), runStore.vault);
}
