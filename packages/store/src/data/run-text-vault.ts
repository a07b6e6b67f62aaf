import type { Clock, PausedRunState } from '@dax/core';
import { DaxError, type RunEvent, type RunResult, type TraceEntry } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { DataHandlingDatabase } from './data-handling-database.js';
import type { KeyWrapper } from './key-wrapper.js';
import { mapEntryTexts, mapResultTexts } from './map-run-texts.js';
import { isSealedText, openText, removedText, sealText } from './sealed-text.js';
import { SubjectKeyring } from './subject-keyring.js';
import { subjectHash } from './subject-hash.js';

const sealedStatePath = 'state';

/**
 * Encrypts the texts of runs that name a data subject (AES-256-GCM under the
 * subject's data key) before they are written, and decrypts them on read. Runs
 * without a subject pass through unchanged. A text whose key was destroyed reads
 * as `[removed: erasure]`.
 */
export class RunTextVault {
  readonly #database: Kysely<DataHandlingDatabase>;
  readonly #keyring: SubjectKeyring | undefined;
  /** Data keys of runs in progress in this process (dropped when the run ends). */
  readonly #runKeys = new Map<string, Uint8Array | null>();

  constructor(database: Kysely<DataHandlingDatabase>, wrapper: KeyWrapper | undefined, clock: Clock) {
    this.#database = database;
    this.#keyring = wrapper === undefined ? undefined : new SubjectKeyring(database, wrapper, clock);
  }

  #requireKeyring(): SubjectKeyring {
    if (this.#keyring === undefined) {
      throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: 'This store has no master key, so runs with a subject cannot be stored.' });
    }
    return this.#keyring;
  }

  /** Prepares the subject's data key for a new run (created on first use); a run without a subject needs none. */
  async beginRun(runId: string, tenant: string, subjectId: string | undefined): Promise<void> {
    this.#runKeys.set(runId, subjectId === undefined ? null : await this.#requireKeyring().obtain(subjectHash(tenant, subjectId)));
  }

  endRun(runId: string): void {
    this.#runKeys.delete(runId);
  }

  /** The run's data key for writing: null for a run without a subject; fails closed if the key is gone. */
  async #writeKey(runId: string): Promise<Uint8Array | null> {
    const cached = this.#runKeys.get(runId);
    if (cached !== undefined) return cached;
    const row = await this.#database.selectFrom('runs').select(['tenant', 'subject_id']).where('run_id', '=', runId).executeTakeFirst();
    if (row === undefined || row.subject_id === null) return null;
    const key = await this.#requireKeyring().find(subjectHash(row.tenant, row.subject_id));
    if (key === undefined) {
      throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: "The run's data subject was erased; its texts cannot be stored." });
    }
    return key;
  }

  /** The key to read a run's texts: null without a subject, undefined once erased. */
  async readKey(tenant: string, subjectId: string | null): Promise<Uint8Array | null | undefined> {
    if (subjectId === null) return null;
    return this.#requireKeyring().find(subjectHash(tenant, subjectId));
  }

  async sealEntry(runId: string, index: number, entry: TraceEntry): Promise<TraceEntry> {
    const key = await this.#writeKey(runId);
    if (key === null) return entry;
    return mapEntryTexts(entry, `layer.${String(index)}`, (text, field) => sealText(key, runId, field.path, text));
  }

  async sealResult(result: RunResult): Promise<RunResult> {
    const key = await this.#writeKey(result.runId);
    if (key === null) return result;
    return mapResultTexts(result, (text, field) => sealText(key, result.runId, field.path, text));
  }

  async sealState(runId: string, state: PausedRunState): Promise<PausedRunState> {
    const key = await this.#writeKey(runId);
    if (key === null) return state;
    return { version: 1, sealed: sealText(key, runId, sealedStatePath, JSON.stringify(state)) };
  }

  async sealEvent(event: RunEvent): Promise<RunEvent> {
    if (event.type !== 'run-end') return event;
    return { ...event, result: await this.sealResult(event.result) };
  }

  /** Decrypts a stored result with the key from `readKey`. */
  openResult(result: RunResult, key: Uint8Array | null | undefined): RunResult {
    if (key === null) return result;
    return mapResultTexts(result, (text, field) =>
      key === undefined ? (isSealedText(text) ? removedText('erasure') : text) : openText(key, result.runId, field.path, text),
    );
  }

  openEvent(event: RunEvent, key: Uint8Array | null | undefined): RunEvent {
    return event.type === 'run-end' ? { ...event, result: this.openResult(event.result, key) } : event;
  }

  /** Decrypts a stored paused state; undefined when its subject was erased. */
  openState(runId: string, state: PausedRunState, key: Uint8Array | null | undefined): PausedRunState | undefined {
    const sealed = state.sealed;
    if (typeof sealed !== 'string') return state;
    if (key === null || key === undefined) return undefined;
    return JSON.parse(openText(key, runId, sealedStatePath, sealed)) as PausedRunState;
  }
}
