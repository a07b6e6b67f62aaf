import type { Kysely, Migration } from 'kysely';

/**
 * The keys a shared store is written with: the evidence log's head row records the
 * id of the evidence signing key and of the master key (for per-subject data keys),
 * so a replica started with other keys is refused instead of forking the log's
 * signatures or writing data keys no other replica can unwrap.
 */
export const addSharedKeys: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema.alterTable('evidence_log_head').addColumn('signing_key_id', 'text').execute();
    await database.schema.alterTable('evidence_log_head').addColumn('master_key_id', 'text').execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.alterTable('evidence_log_head').dropColumn('master_key_id').execute();
    await database.schema.alterTable('evidence_log_head').dropColumn('signing_key_id').execute();
  },
};
