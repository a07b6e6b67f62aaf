export { canonicalJson } from './canonical-json.js';
export { buildLayerPrompt, plainSuffix, reasonsSuffix } from './build-layer-prompt.js';
export { dataClassSchema, layerEntrySchema, layerFileSchema, layerGuardNameSchema, modelRefSchema } from './layer-config.js';
export type { DataClass, LayerConfig, LayerEntry, LayerGuardName } from './layer-config.js';
export { loadLayerConfig, parseLayerConfig } from './parse-layer-config.js';
export type {
  Anchor,
  AnchorEntity,
  DriftChange,
  DriftResult,
  EntityKind,
  GuardSuite,
  InjectionMatch,
  PiiSpan,
  PolicyInput,
  PolicyResult,
  RedactionResult,
  Redactor,
  RiskAssessment,
} from './guard-suite.js';
export type {
  LayerFacts,
  LayerIdentity,
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  ModelUsage,
} from './model-provider.js';
export type { LayerInvocation, LayerInvocationResult, ModelRouter } from './model-router.js';
export { LayerInvocationError } from './layer-invocation-error.js';
export type { PausedRunState, ReopenedRun, RunListPage, RunListQuery, RunStartRecord, RunStore } from './run-store.js';
export { readResumeState } from './resume-state.js';
export type { ResumeState } from './resume-state.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { createEngine } from './create-engine.js';
export type { Engine } from './create-engine.js';
export { defaultEngineLimits } from './engine-options.js';
export type { EngineLimits, EngineOptions, ResumeRequest, RunRequest } from './engine-options.js';
export { decideStability, readAnchorSignal } from './decide-stability.js';
export type { StabilityDecision, StabilityInput } from './decide-stability.js';
export { parseLayerReply } from './parse-layer-reply.js';
export type { LayerReply } from './parse-layer-reply.js';
export { isMoreSevere, raiseRisk, readStatedGrade } from './raise-risk.js';
export type { RunEventListener } from './run-event-emitter.js';
export { validateIntent } from './validate-intent.js';
export type { IntentValidation } from './validate-intent.js';
