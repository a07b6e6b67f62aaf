import { DaxError } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { EvidenceDatabase } from './evidence-database.js';

/** The keys a replica opened a shared store with; a key it did not load itself is left out. */
export interface ReplicaKeys {
  /** The evidence signing key, and every key id this replica trusts (retired keys of a rotation included). */
  readonly evidence?: { readonly keyId: string; readonly trusted: readonly string[] };
  /** The id of the master key that wraps per-subject data keys. */
  readonly masterKeyId?: string;
}

type KeyColumn = 'signing_key_id' | 'master_key_id';

/** Records `mine` where nothing is recorded yet; returns what the store holds afterwards. */
async function recordOrRead(database: Kysely<EvidenceDatabase>, column: KeyColumn, mine: string): Promise<string | null> {
  await database.updateTable('evidence_log_head').set({ [column]: mine }).where('id', '=', 1).where(column, 'is', null).execute();
  const row = await database.selectFrom('evidence_log_head').select(column).where('id', '=', 1).executeTakeFirst();
  return row?.[column] ?? null;
}

function mismatch(what: string, recorded: string, mine: string, remedy: string): DaxError {
  return new DaxError('DAX_E_STORE_KEY_MISMATCH', {
    detail: `The shared store was written with ${what} ${recorded.slice(0, 16)}; this replica holds ${mine.slice(0, 16)}. ${remedy}`,
  });
}

/**
 * Makes every replica of a shared store use the same keys. The first replica records
 * its evidence signing key id and master key id in the log's head row (a conditional
 * update, so replicas starting together agree on one); a later replica with another
 * signing key is refused with `DAX_E_STORE_KEY_MISMATCH`, unless it trusts the recorded
 * key as a retired one (a rotation: the record moves to its new key). A different
 * master key is always refused: data keys wrapped with one cannot be unwrapped with the other.
 */
export async function checkSharedKeys(database: Kysely<EvidenceDatabase>, keys: ReplicaKeys): Promise<void> {
  const { evidence, masterKeyId } = keys;
  if (evidence !== undefined) {
    const recorded = await recordOrRead(database, 'signing_key_id', evidence.keyId);
    if (recorded !== null && recorded !== evidence.keyId) {
      if (!evidence.trusted.includes(recorded)) {
        throw mismatch(
          'evidence signing key',
          recorded,
          evidence.keyId,
          'Mount the same DAX_EVIDENCE_KEY_FILE on every replica; when rotating, keep the old public key in <dataDir>/evidence/keyring/.',
        );
      }
      // A rotation: this replica signs with a new key and still trusts the recorded one.
      await database
        .updateTable('evidence_log_head')
        .set({ signing_key_id: evidence.keyId })
        .where('id', '=', 1)
        .where('signing_key_id', '=', recorded)
        .execute();
    }
  }
  if (masterKeyId !== undefined) {
    const recorded = await recordOrRead(database, 'master_key_id', masterKeyId);
    if (recorded !== null && recorded !== masterKeyId) {
      throw mismatch('master key', recorded, masterKeyId, 'Mount the same DAX_MASTER_KEY_FILE on every replica.');
    }
  }
}
