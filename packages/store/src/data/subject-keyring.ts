import { randomBytes } from 'node:crypto';
import type { Clock } from '@dax/core';
import type { Kysely } from 'kysely';
import type { DataHandlingDatabase } from './data-handling-database.js';
import type { KeyWrapper } from './key-wrapper.js';

/**
 * Per-subject data keys: 32 random bytes each, stored only wrapped by the master
 * key. Two processes creating the same subject's key at once converge on one row.
 */
export class SubjectKeyring {
  readonly #database: Kysely<DataHandlingDatabase>;
  readonly #wrapper: KeyWrapper;
  readonly #clock: Clock;

  constructor(database: Kysely<DataHandlingDatabase>, wrapper: KeyWrapper, clock: Clock) {
    this.#database = database;
    this.#wrapper = wrapper;
    this.#clock = clock;
  }

  /** The subject's data key, creating it when the subject has none yet. */
  async obtain(hash: string): Promise<Uint8Array> {
    const found = await this.find(hash);
    if (found !== undefined) return found;
    const wrapped = await this.#wrapper.wrap(randomBytes(32), hash);
    await this.#database
      .insertInto('subject_keys')
      .values({ subject_hash: hash, wrapped_key: wrapped, wrapper_key_id: this.#wrapper.keyId, created_at: this.#clock.now().toISOString() })
      .onConflict((conflict) => conflict.column('subject_hash').doNothing())
      .execute();
    const created = await this.find(hash);
    if (created === undefined) throw new Error('A data key vanished right after it was created.');
    return created;
  }

  /** The subject's data key, or undefined when it has none (never created, or erased). */
  async find(hash: string): Promise<Uint8Array | undefined> {
    const row = await this.#database.selectFrom('subject_keys').select('wrapped_key').where('subject_hash', '=', hash).executeTakeFirst();
    return row === undefined ? undefined : this.#wrapper.unwrap(row.wrapped_key, hash);
  }
}
