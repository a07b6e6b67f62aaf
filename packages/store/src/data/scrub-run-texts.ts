import type { RunEvent, RunResult, TraceEntry } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { mapEntryTexts, mapResultTexts, type RunTextField } from './map-run-texts.js';
import { removedText } from './sealed-text.js';

export interface ScrubRequest {
  readonly runId: string;
  readonly reason: 'erasure' | 'retention';
  /** Which texts go; the rest (and all metadata, hashes and findings) stay. */
  readonly removes: (field: RunTextField) => boolean;
  /** Whether the paused state (the working text of a run awaiting approval) goes too. */
  readonly removesState: boolean;
}

/**
 * Replaces the chosen texts of one run with `[removed: <reason>]` everywhere they
 * are stored (result, layer checkpoints, stored events, paused state). Call inside
 * a transaction. Returns the paths removed (already-removed texts are not counted).
 */
export async function scrubRunTexts(transaction: Kysely<DataHandlingDatabase>, request: ScrubRequest): Promise<string[]> {
  const { runId } = request;
  const marker = removedText(request.reason);
  const removed = new Set<string>();
  const scrub = (text: string, field: RunTextField): string => {
    if (!request.removes(field) || text === marker) return text;
    if (text !== '') removed.add(field.path);
    return marker;
  };

  const run = await transaction.selectFrom('runs').select('result_json').where('run_id', '=', runId).executeTakeFirst();
  if (run?.result_json != null) {
    const result = JSON.parse(run.result_json) as RunResult;
    await transaction.updateTable('runs').set({ result_json: JSON.stringify(mapResultTexts(result, scrub)) }).where('run_id', '=', runId).execute();
  }

  const layers = await transaction.selectFrom('run_layers').select(['layer_index', 'entry_json']).where('run_id', '=', runId).execute();
  for (const layer of layers) {
    const entry = JSON.parse(layer.entry_json) as TraceEntry;
    const next = JSON.stringify(mapEntryTexts(entry, `layer.${String(layer.layer_index)}`, scrub));
    if (next !== layer.entry_json) {
      await transaction.updateTable('run_layers').set({ entry_json: next }).where('run_id', '=', runId).where('layer_index', '=', layer.layer_index).execute();
    }
  }

  const ends = await transaction.selectFrom('run_events').select(['seq', 'event_json']).where('run_id', '=', runId).where('type', '=', 'run-end').execute();
  for (const end of ends) {
    const event = JSON.parse(end.event_json) as RunEvent;
    if (event.type !== 'run-end') continue;
    const next = JSON.stringify({ ...event, result: mapResultTexts(event.result, scrub) });
    await transaction.updateTable('run_events').set({ event_json: next }).where('run_id', '=', runId).where('seq', '=', end.seq).execute();
  }

  if (request.removesState) {
    const state = await transaction.deleteFrom('run_states').where('run_id', '=', runId).executeTakeFirst();
    if (state.numDeletedRows > 0n) removed.add('state');
  }
  return [...removed].sort();
}
