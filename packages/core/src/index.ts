export { canonicalJson } from './canonical-json.js';
export { buildLayerPrompt, plainSuffix, reasonsSuffix } from './build-layer-prompt.js';
export { dataClassSchema, layerEntrySchema, layerFileSchema, layerGuardNameSchema, modelRefSchema } from './layer-config.js';
export type { DataClass, LayerConfig, LayerEntry, LayerGuardName } from './layer-config.js';
export { loadLayerConfig, parseLayerConfig } from './parse-layer-config.js';
export { dataClassByLayerName, defaultLayerDataClasses, layerDataClass } from './layer-data-class.js';
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
export { ManualClock } from './manual-clock.js';
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
export { applyModelPolicy, modelReferencesOf } from './apply-model-policy.js';
export { defaultApprovalRules, missingApprovalGroups } from './approval-rules.js';
export type { ApprovalRules } from './approval-rules.js';
export { checkModelReference, domainRuleOf } from './check-model-reference.js';
export type { ActivateRequest, ApproveRequest, ConfigGovernance, ConfigHistory, ProposeRequest, RollbackRequest } from './config-governance.js';
export type { ConfigSource } from './config-source.js';
export { modelPolicyDomain } from './config-version.js';
export type {
  ConfigApproval,
  ConfigAuditAction,
  ConfigAuditEntry,
  ConfigKind,
  ConfigVersion,
  ConfigVersionStatus,
  MigrationNote,
} from './config-version.js';
export { activeVersionKey } from './config-version-store.js';
export type { ConfigVersionStore } from './config-version-store.js';
export { configVersionId, createConfigGovernance } from './create-config-governance.js';
export type { ConfigGovernanceOptions } from './create-config-governance.js';
export { createVersionedConfigSource } from './create-versioned-config-source.js';
export type { VersionedConfigSourceOptions } from './create-versioned-config-source.js';
export { matchGlob } from './match-glob.js';
export { domainRuleSchema, layerModelOverrideSchema, modelPolicySchema, modelRuleSchema, registeredProviderSchema } from './model-policy.js';
export type { DomainRule, ModelPolicy, ModelRule, RegisteredProvider } from './model-policy.js';
export { checkMigrationNote, parseMigrationNote } from './parse-migration-note.js';
export { loadModelPolicy, parseModelPolicy } from './parse-model-policy.js';
export { validateLayersAgainstPolicy } from './validate-layers-against-policy.js';
export { signConfigBundle, verifyConfigBundle } from './config-bundle.js';
export type { ConfigBundle } from './config-bundle.js';
export { diffConfigVersions } from './diff-config-versions.js';
export type { ConfigDiff, LayerChange } from './diff-config-versions.js';
