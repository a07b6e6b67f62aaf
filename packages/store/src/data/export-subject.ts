import type { RunResult } from '@dax/protocol';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { storeFailure } from '../store-failure.js';

export interface SubjectExport {
  readonly tenant: string;
  readonly subjectId: string;
  readonly runs: readonly {
    readonly runId: string;
    readonly domain: string;
    readonly status: string;
    readonly startedAt: string;
    readonly finishedAt?: string;
    readonly metadata: Readonly<Record<string, string>>;
    /** The stored result with its texts decrypted; absent while the run is still running. */
    readonly result?: RunResult;
  }[];
}

/** Everything stored about a data subject within a tenant (a DSR access request), texts decrypted. */
export async function exportSubject(store: KyselyRunStore, tenant: string, subjectId: string): Promise<SubjectExport> {
  let rows;
  try {
    rows = await store.database
      .selectFrom('runs')
      .select(['run_id', 'domain', 'status', 'started_at', 'finished_at', 'metadata_json'])
      .where('tenant', '=', tenant)
      .where('subject_id', '=', subjectId)
      .orderBy('created_seq')
      .execute();
  } catch (cause) {
    throw storeFailure(cause);
  }
  const runs = [];
  for (const row of rows) {
    const result = await store.getRun(row.run_id, tenant);
    runs.push({
      runId: row.run_id,
      domain: row.domain,
      status: row.status,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      metadata: JSON.parse(row.metadata_json) as Record<string, string>,
      ...(result === undefined ? {} : { result }),
    });
  }
  return { tenant, subjectId, runs };
}
