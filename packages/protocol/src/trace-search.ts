import { z } from 'zod';
import { riskGradeSchema, runStatusSchema, runSummarySchema } from './run-types.js';

/** Where a run stands with the human gate: never gated, waiting, or decided. */
export const gateStateSchema = z.enum(['none', 'pending', 'approved', 'denied', 'expired', 'escalated']);
export type GateState = z.infer<typeof gateStateSchema>;

const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * Filters of a trace search (`GET /v1/traces`, saved views). Every filter is
 * optional and they combine with AND; `text` matches the stored, redacted texts
 * (outputs, reasons, finding messages) case-insensitively.
 */
export const traceSearchFiltersSchema = z.strictObject({
  /** Runs started at or after this time. */
  from: isoTimestamp.optional(),
  /** Runs started before this time. */
  to: isoTimestamp.optional(),
  status: runStatusSchema.optional(),
  domain: z.string().min(1).max(200).optional(),
  /** A layer (e.g. `DA-3`) that reported a finding or did not end `ok`. */
  layer: z.string().regex(/^DA-(?:[0-9]{1,2}|X)$/).optional(),
  risk: riskGradeSchema.optional(),
  /** A policy or guard rule id that applied to the run. */
  ruleId: z.string().min(1).max(200).optional(),
  /** A model that answered a layer (`grok-4` or `xai:grok-4`). */
  model: z.string().min(1).max(200).optional(),
  gateState: gateStateSchema.optional(),
  text: z.string().min(1).max(500).optional(),
});
export type TraceSearchFilters = z.infer<typeof traceSearchFiltersSchema>;

/** One search hit: the run's summary plus what the search indexes. */
export const traceSummarySchema = runSummarySchema.extend({
  model: z.string(),
  gateState: gateStateSchema,
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

export const tracePageSchema = z.object({
  runs: z.array(traceSummarySchema),
  nextCursor: z.string().optional(),
});
export type TracePage = z.infer<typeof tracePageSchema>;

/** A named trace search, shared by everyone in a tenant. */
export const savedViewSchema = z.object({
  viewId: z.string(),
  name: z.string(),
  filters: traceSearchFiltersSchema,
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._:-]{0,79}$/, {
  message: 'a view name is 1-80 letters, digits, spaces or . _ : - and starts with a letter or digit',
});
