import { DaxError, gateStateSchema, traceSummarySchema, type TracePage, type TraceSearchFilters, type TraceSummary } from '@dax/protocol';
import { sql, type Kysely } from 'kysely';
import type { KyselyRunStore } from './kysely-run-store.js';
import { maximumRunPageSize } from './kysely-run-store.js';
import { validateStored } from './parse-stored.js';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.js';
import { runningStatus } from './run-store-queries.js';
import type { StoreDatabase } from './store-database.js';
import { storeFailure } from './store-failure.js';
import { runSummaryFields, type RunSummaryRow } from './to-run-summary.js';
import type { TraceSearchDatabase } from './trace-search-database.js';

export interface TraceSearchQuery {
  readonly tenant: string;
  readonly filters: TraceSearchFilters;
  readonly limit: number;
  readonly cursor?: string;
}

type SearchDatabase = StoreDatabase & TraceSearchDatabase;

/** LIKE pattern matching `value` anywhere, with `!` escaping the wildcards (portable: SQLite and Postgres). */
function containsPattern(value: string): string {
  return `%${value.replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

function normalisedTime(value: string): string {
  return new Date(value).toISOString();
}

interface SearchRow extends RunSummaryRow {
  created_seq: number | string;
  model: string | null;
  gate_state: string | null;
}

function toTraceSummary(row: SearchRow): TraceSummary {
  return validateStored(traceSummarySchema, {
    ...runSummaryFields(row),
    model: row.model ?? '',
    gateState: row.gate_state ?? gateStateSchema.enum.none,
  });
}

/**
 * Trace search over finished and paused runs, newest first, always within one
 * tenant: time range, status, domain, layer, risk, rule id, model, gate state and
 * free text over the redacted stored texts. Portable Kysely only, so the embedded
 * SQLite store and Postgres run the same queries.
 */
export class KyselyTraceSearch {
  readonly #database: Kysely<SearchDatabase>;

  constructor(database: Kysely<SearchDatabase>) {
    this.#database = database;
  }

  async search(query: TraceSearchQuery): Promise<TracePage> {
    if (!Number.isFinite(query.limit) || query.limit < 1) {
      throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'The page limit must be at least 1.' });
    }
    const limit = Math.min(Math.floor(query.limit), maximumRunPageSize);
    const before = query.cursor === undefined ? undefined : decodeRunCursor(query.cursor);
    const { filters } = query;
    let select = this.#database
      .selectFrom('runs')
      .leftJoin('run_search', 'run_search.run_id', 'runs.run_id')
      .select([
        'runs.run_id',
        'runs.status',
        'runs.domain',
        'runs.risk',
        'runs.started_at',
        'runs.duration_ms',
        'runs.paused_at',
        'runs.created_seq',
        'run_search.model',
        'run_search.gate_state',
      ])
      .where('runs.tenant', '=', query.tenant)
      .where('runs.status', '<>', runningStatus);
    if (before !== undefined) select = select.where('runs.created_seq', '<', before);
    if (filters.from !== undefined) select = select.where('runs.started_at', '>=', normalisedTime(filters.from));
    if (filters.to !== undefined) select = select.where('runs.started_at', '<', normalisedTime(filters.to));
    if (filters.status !== undefined) select = select.where('runs.status', '=', filters.status);
    if (filters.domain !== undefined) select = select.where('runs.domain', '=', filters.domain);
    if (filters.risk !== undefined) select = select.where('runs.risk', '=', filters.risk);
    if (filters.layer !== undefined) select = select.where(sql<boolean>`run_search.layers like ${containsPattern(`|${filters.layer}|`)} escape '!'`);
    if (filters.ruleId !== undefined) select = select.where(sql<boolean>`run_search.rule_ids like ${containsPattern(`|${filters.ruleId}|`)} escape '!'`);
    if (filters.model !== undefined) select = select.where(sql<boolean>`run_search.models like ${containsPattern(`|${filters.model}|`)} escape '!'`);
    if (filters.text !== undefined) {
      select = select.where(sql<boolean>`run_search.search_text like ${containsPattern(filters.text.toLowerCase())} escape '!'`);
    }
    if (filters.gateState === 'none') {
      select = select.where((expression) => expression.or([expression('run_search.gate_state', '=', 'none'), expression('run_search.gate_state', 'is', null)]));
    } else if (filters.gateState !== undefined) {
      select = select.where('run_search.gate_state', '=', filters.gateState);
    }
    let rows: SearchRow[];
    try {
      rows = await select
        .orderBy('runs.created_seq', 'desc')
        .limit(limit + 1)
        .execute();
    } catch (cause) {
      throw storeFailure(cause);
    }
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      runs: page.map(toTraceSummary),
      ...(rows.length > limit && last !== undefined ? { nextCursor: encodeRunCursor(Number(last.created_seq)) } : {}),
    };
  }
}

/** Trace search over a run store's database (and its migrations). */
export function traceSearchFor(runStore: KyselyRunStore): KyselyTraceSearch {
  return new KyselyTraceSearch(runStore.database.withTables<TraceSearchDatabase>());
}
