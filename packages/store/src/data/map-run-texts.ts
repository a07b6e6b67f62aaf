import type { RunResult, TraceEntry } from '@dax/protocol';

/** Where a free text sits in a run: a stable path (bound into its encryption) and the layer it belongs to. */
export interface RunTextField {
  readonly path: string;
  /** Layer name (`DA-13` … `DA-1`, `DA-X`); `output` is DA-1's, `decision.reason` DA-X's. */
  readonly layer: string;
}

export type TextMapper = (text: string, field: RunTextField) => string;

export const finalOutputLayer = 'DA-1';
export const decisionLayer = 'DA-X';

/** A trace entry with `output` and `reason` passed through `map`. */
export function mapEntryTexts(entry: TraceEntry, prefix: string, map: TextMapper): TraceEntry {
  const layer = entry.layer;
  return {
    ...entry,
    output: map(entry.output, { path: `${prefix}.output`, layer }),
    ...(entry.reason === undefined ? {} : { reason: map(entry.reason, { path: `${prefix}.reason`, layer }) }),
  };
}

/**
 * A run result with every free text (final output, decision reason, each trace
 * entry's output and reason) passed through `map`; everything else is kept.
 */
export function mapResultTexts(result: RunResult, map: TextMapper): RunResult {
  return {
    ...result,
    output: map(result.output, { path: 'output', layer: finalOutputLayer }),
    decision: { ...result.decision, reason: map(result.decision.reason, { path: 'decision.reason', layer: decisionLayer }) },
    trace: result.trace.map((entry, index) => mapEntryTexts(entry, `trace.${String(index)}`, map)),
  };
}
