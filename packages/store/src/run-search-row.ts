import { runResultSchema, type GateState, type RunResult } from '@dax/protocol';

/** The `run_search` columns of one run (its id apart). */
export interface RunSearchRow {
  model: string;
  /** `|a|b|`: every model that answered, with and without its provider prefix. */
  models: string;
  /** `|DA-3|DA-6|`: layers with a finding or a status other than ok. */
  layers: string;
  /** `|rule.a|rule.b|`: policy and finding rule ids. */
  rule_ids: string;
  gate_state: GateState;
  /** Lower-cased redacted texts: outputs, reasons, finding messages, error messages. */
  search_text: string;
}

/** `|`-delimited list for exact-member matching with LIKE `%|value|%`. */
function delimited(values: Iterable<string>): string {
  const unique = [...new Set(values)].filter((value) => value !== '').sort();
  return unique.length === 0 ? '|' : `|${unique.join('|')}|`;
}

/** Where a run stands with the human gate, from its result. */
export function gateStateOf(result: RunResult): GateState {
  const last = result.approvals?.at(-1);
  if (last !== undefined) return last.decision;
  if (result.status === 'awaiting_approval') return 'pending';
  return 'none';
}

/** The search row of a finished or paused run (its texts are already redacted by the engine). */
export function runSearchRowFor(result: RunResult): RunSearchRow {
  const models: string[] = [result.model, result.model.slice(result.model.indexOf(':') + 1)];
  const layers: string[] = [];
  const texts: string[] = [result.output, result.decision.reason];
  for (const entry of result.trace) {
    for (const attempt of entry.attempts) models.push(attempt.model, `${attempt.provider}:${attempt.model}`);
    if (entry.status !== 'ok' || entry.findings.length > 0) layers.push(entry.layer);
    texts.push(entry.output);
    if (entry.reason !== undefined) texts.push(entry.reason);
  }
  for (const finding of result.findings) {
    layers.push(finding.layer);
    texts.push(finding.message);
  }
  if (result.error !== undefined) texts.push(result.error.message);
  return {
    model: result.model,
    models: delimited(models),
    layers: delimited(layers),
    rule_ids: delimited([...result.policy.ruleIds, ...result.findings.flatMap((finding) => (finding.ruleId === undefined ? [] : [finding.ruleId]))]),
    gate_state: gateStateOf(result),
    search_text: texts.join('\n').toLowerCase(),
  };
}

/** The search row of a stored result (the migration indexing older runs); undefined when it is not a result. */
export function runSearchRowOfStored(stored: unknown): RunSearchRow | undefined {
  const parsed = runResultSchema.safeParse(stored);
  return parsed.success ? runSearchRowFor(parsed.data) : undefined;
}
