export { errorCatalogue, errorCodes, isErrorCode } from './error-catalogue.js';
export type { ErrorCatalogueEntry, ErrorCode } from './error-catalogue.js';
export { DaxError, toDaxError } from './dax-error.js';
export type { DaxErrorOptions } from './dax-error.js';
export {
  approvalSchema,
  attemptSchema,
  findingSchema,
  intentValidationSchema,
  layerStatusSchema,
  policyDecisionSchema,
  riskGradeSchema,
  runResultSchema,
  runStatusSchema,
  runSummarySchema,
  severitySchema,
  stabilityActionSchema,
  traceEntrySchema,
  usageSchema,
} from './run-types.js';
export type {
  Approval,
  Attempt,
  Finding,
  PolicyDecision,
  RiskGrade,
  RunResult,
  RunStatus,
  RunSummary,
  Severity,
  StabilityAction,
  TraceEntry,
  Usage,
} from './run-types.js';
export type {
  GateEvent,
  GateEventType,
  GuardFindingEvent,
  LayerEndEvent,
  LayerStartEvent,
  RunEndEvent,
  RunEvent,
  RunEventType,
  RunStartEvent,
} from './run-event.js';
export {
  gateStateSchema,
  savedViewNameSchema,
  savedViewSchema,
  tracePageSchema,
  traceSearchFiltersSchema,
  traceSummarySchema,
} from './trace-search.js';
export type { GateState, SavedView, TracePage, TraceSearchFilters, TraceSummary } from './trace-search.js';
export { gateDecisionSchema, gateSchema, gateStatusSchema, gateNotificationSchema } from './gate-types.js';
export type { Gate, GateDecision, GateNotification, GateStatus } from './gate-types.js';
