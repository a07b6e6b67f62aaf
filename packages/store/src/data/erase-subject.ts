import { systemClock, type Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { storeFailure } from '../store-failure.js';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { eraseSubjectRuns } from './erase-subject-runs.js';
import { appendErasureLedgerFile } from './erasure-ledger-file.js';
import { subjectHash } from './subject-hash.js';

export interface EraseSubjectRequest {
  readonly tenant: string;
  readonly subjectId: string;
  /** When set, the erasure is also appended to this data directory's ledger file. */
  readonly dataDir?: string;
  readonly clock?: Clock;
}

export interface ErasureReceipt {
  readonly subjectHash: string;
  readonly runIds: readonly string[];
  readonly erasedAt: string;
}

/**
 * Erases a data subject (a DSR): destroys the subject's data key, replaces the
 * texts of their runs with `[removed: erasure]`, records tombstones and the
 * ledger entry, then compacts the database so the old bytes are gone from its
 * files. Run metadata, hashes and evidence stay. Erasing an unknown subject still
 * records the ledger entry (a later restore must not bring them back).
 */
export async function eraseSubject(store: KyselyRunStore, request: EraseSubjectRequest): Promise<ErasureReceipt> {
  if (request.subjectId === '' || request.tenant === '') {
    throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'A tenant and a subject id are required.' });
  }
  const hash = subjectHash(request.tenant, request.subjectId);
  const erasedAt = (request.clock ?? systemClock).now().toISOString();
  let runIds: string[];
  try {
    if (request.dataDir !== undefined) appendErasureLedgerFile(request.dataDir, { subjectHash: hash, erasedAt });
    const database = store.database.withTables<DataHandlingDatabase>();
    runIds = await database.transaction().execute(async (transaction) => {
      const runs = await transaction
        .selectFrom('runs')
        .select('run_id as runId')
        .where('tenant', '=', request.tenant)
        .where('subject_id', '=', request.subjectId)
        .orderBy('created_seq')
        .execute();
      return eraseSubjectRuns(transaction, runs, [hash], erasedAt);
    });
  } catch (cause) {
    throw storeFailure(cause);
  }
  await store.compact();
  return { subjectHash: hash, runIds, erasedAt };
}
