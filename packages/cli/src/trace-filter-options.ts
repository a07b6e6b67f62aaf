import { Option, type Command } from 'commander';
import { DaxError, traceSearchFiltersSchema, type TraceSearchFilters } from '@dax/protocol';

/** The trace search filters as command options (`dax traces search`, `dax views save`). */
export interface TraceFilterOptions {
  readonly from?: string;
  readonly to?: string;
  readonly status?: string;
  readonly domain?: string;
  readonly layer?: string;
  readonly risk?: string;
  readonly rule?: string;
  readonly model?: string;
  readonly gate?: string;
  readonly text?: string;
}

export function addTraceFilterOptions(command: Command): Command {
  return command
    .addOption(new Option('--from <time>', 'runs started at or after this ISO-8601 time'))
    .addOption(new Option('--to <time>', 'runs started before this ISO-8601 time'))
    .addOption(new Option('--status <status>', 'approved | rolled_back | halted | awaiting_approval | denied | failed'))
    .addOption(new Option('--domain <domain>', 'policy domain'))
    .addOption(new Option('--layer <layer>', 'a layer with a finding or a non-ok status, e.g. DA-3'))
    .addOption(new Option('--risk <grade>', 'P0 | P1 | P2 | P3'))
    .addOption(new Option('--rule <ruleId>', 'a policy or guard rule id'))
    .addOption(new Option('--model <model>', 'a model that answered, e.g. grok-4'))
    .addOption(new Option('--gate <state>', 'none | pending | approved | denied | expired | escalated'))
    .addOption(new Option('--text <text>', 'free text in the redacted outputs, reasons and findings'));
}

/** Validates the options into filters; a bad value is a usage error naming the option. */
export function traceFiltersOf(options: TraceFilterOptions): TraceSearchFilters {
  const candidate = {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.domain === undefined ? {} : { domain: options.domain }),
    ...(options.layer === undefined ? {} : { layer: options.layer }),
    ...(options.risk === undefined ? {} : { risk: options.risk }),
    ...(options.rule === undefined ? {} : { ruleId: options.rule }),
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.gate === undefined ? {} : { gateState: options.gate }),
    ...(options.text === undefined ? {} : { text: options.text }),
  };
  const parsed = traceSearchFiltersSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const option = key === 'ruleId' ? 'rule' : key === 'gateState' ? 'gate' : key;
    throw new DaxError('DAX_E_USAGE', { detail: `--${option}: ${issue?.message ?? 'invalid value'}.` });
  }
  return parsed.data;
}

export function parseLimit(raw: string): number {
  const limit = Number.parseInt(raw, 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200 || String(limit) !== raw.trim()) {
    throw new DaxError('DAX_E_USAGE', { detail: '--limit must be a whole number from 1 to 200.' });
  }
  return limit;
}
