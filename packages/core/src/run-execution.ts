import { createHash } from 'node:crypto';
import {
  DaxError,
  toDaxError,
  type Approval,
  type Attempt,
  type Finding,
  type RunResult,
  type RunStatus,
  type StabilityAction,
  type TraceEntry,
} from '@dax/protocol';
import { buildLayerPrompt } from './build-layer-prompt.js';
import type { Clock } from './clock.js';
import { decideStability, readAnchorSignal } from './decide-stability.js';
import type { EngineLimits, RunRequest } from './engine-options.js';
import type { Anchor, GuardSuite, InjectionMatch, PolicyResult, RedactionResult, Redactor, RiskAssessment } from './guard-suite.js';
import type { LayerConfig, LayerEntry } from './layer-config.js';
import { LayerInvocationError } from './layer-invocation-error.js';
import { layerIds } from './layer-label.js';
import type { LayerFacts, ModelUsage } from './model-provider.js';
import type { ModelRouter } from './model-router.js';
import { parseLayerReply, reaskSuffix } from './parse-layer-reply.js';
import { raiseRisk, readStatedGrade } from './raise-risk.js';
import { RunEventEmitter } from './run-event-emitter.js';
import type { PausedRunState, RunStore } from './run-store.js';
import { readResumeState, type ResumeState } from './resume-state.js';

/** What a resumed run starts from: its stored paused result and state, and the human decisions. */
export interface ResumePoint {
  readonly result: RunResult;
  readonly state: PausedRunState;
  readonly approvals: readonly Approval[];
  /** Sequence number of the run's last stored event; resumed events continue after it. */
  readonly eventSeq: number;
}

export interface RunDependencies {
  readonly config: LayerConfig;
  readonly router: ModelRouter;
  readonly guards: GuardSuite;
  readonly store: RunStore;
  readonly clock: Clock;
  readonly limits: EngineLimits;
}

interface LayerOutcome {
  readonly entry: TraceEntry;
  /** The text the next layer receives. */
  readonly next: string;
}

type Stop = { readonly status: Extract<RunStatus, 'awaiting_approval' | 'denied'>; readonly reason: string; readonly layer: string };

const secretTypes = new Set(['AWS_ACCESS_KEY', 'GITHUB_TOKEN', 'SLACK_TOKEN', 'OPENAI_KEY', 'PRIVATE_KEY', 'JWT', 'PASSWORD']);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function normaliseIntent(input: string): string {
  return input.replace(/\s+/g, ' ').trim();
}

/** Runs a guard; anything it throws stops the run closed with a stable code. */
function guarded<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (DaxError.isInstance(error)) throw error;
    throw new DaxError('DAX_E_GUARD_FAILED', { detail: `Guard "${name}" failed.`, cause: error });
  }
}

/** The run's redactor; a guard suite that cannot make one fails the run at its first use. */
function createRunRedactor(guards: GuardSuite): Redactor {
  try {
    return guards.createRedactor();
  } catch (error) {
    const failure = new DaxError('DAX_E_GUARD_FAILED', { detail: 'Guard "pii" failed.', cause: error });
    return {
      redact: () => {
        throw failure;
      },
    };
  }
}

/**
 * One run of the chain: owns the run's mutable state from DA-13 to DA-X. Created
 * per run by the engine; never shared between runs.
 */
export class RunExecution {
  readonly #deps: RunDependencies;
  readonly #request: RunRequest;
  readonly #runId: string;
  readonly #emitter: RunEventEmitter;
  readonly #redactor: Redactor;
  readonly #startedAt: Date;
  readonly #startedMs: number;
  readonly #domain: string;
  readonly #tenant: string;
  readonly #intent: string;

  #workingIntent: string;
  #anchor: Anchor = { entities: [] };
  #injection: readonly InjectionMatch[] = [];
  #risk: RiskAssessment = { grade: 'P3', gate: false, ruleIds: [], reasons: [], categories: [] };
  #policy: PolicyResult = { decision: 'allow', ruleIds: [] };
  #piiTypes: string[] = [];
  #intentRedaction: RedactionResult | undefined;
  readonly #trace: TraceEntry[] = [];
  readonly #findings: Finding[] = [];
  readonly #rolledBack: string[] = [];
  #attempts = 0;
  #inputTokens = 0;
  #outputTokens = 0;
  #usageEstimated = false;
  #primaryModel = '';
  #priorDurationMs = 0;
  #approvals: readonly Approval[] = [];

  constructor(deps: RunDependencies, request: RunRequest, runId: string, resumeFrom?: ResumePoint) {
    this.#deps = deps;
    this.#request = request;
    this.#runId = runId;
    this.#emitter = new RunEventEmitter(runId, request.onEvent, () => deps.clock.now(), resumeFrom?.eventSeq ?? 0);
    this.#redactor = createRunRedactor(deps.guards);
    this.#startedAt = resumeFrom === undefined ? deps.clock.now() : new Date(resumeFrom.result.startedAt);
    this.#startedMs = deps.clock.monotonicMs();
    this.#domain = request.domain ?? 'default';
    this.#tenant = request.tenant ?? 'default';
    this.#intent = normaliseIntent(request.input);
    this.#workingIntent = this.#intent;
    if (resumeFrom !== undefined) this.#restore(resumeFrom);
  }

  /** Takes over a paused run's state so the chain can continue after DA-7. */
  #restore(point: ResumePoint): void {
    const state: ResumeState = readResumeState(point.state);
    const { result } = point;
    this.#anchor = state.anchor;
    this.#injection = state.injection;
    this.#risk = state.risk;
    this.#policy = state.policy;
    this.#piiTypes = [...state.piiTypes];
    this.#workingIntent = state.workingIntent;
    this.#intentRedaction = { text: state.workingIntent, spans: state.intentSpans };
    this.#rolledBack.push(...state.rolledBack);
    this.#trace.push(...result.trace);
    this.#findings.push(...result.findings);
    this.#attempts = result.attempts;
    this.#inputTokens = result.usage.inputTokens;
    this.#outputTokens = result.usage.outputTokens;
    this.#usageEstimated = result.usage.estimated;
    this.#primaryModel = result.model;
    this.#priorDurationMs = result.durationMs;
    this.#approvals = [...(result.approvals ?? []), ...point.approvals].map((approval) =>
      approval.comment === undefined ? approval : { ...approval, comment: this.#redact(approval.comment).text },
    );
  }

  /**
   * Continues a paused run after its human gate was decided: a denial (or an
   * expiry) ends it `denied` without running any later layer; an approval runs
   * the layers after DA-7 and finishes as usual (DA-X decides).
   */
  async resume(state: PausedRunState): Promise<RunResult> {
    const { config, store } = this.#deps;
    const resumeState = readResumeState(state);
    const gateIndex = resumeState.nextLayerIndex - 1;
    const gateLayer = config.layers[gateIndex];
    if (gateLayer === undefined || gateLayer.id !== layerIds.steward || config.hash !== resumeState.configHash) {
      throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'The layer configuration changed since the run paused; it cannot be resumed.' });
    }
    const denial = this.#approvals.find((approval) => approval.decision === 'denied');
    for (const approval of this.#approvals) {
      this.#addFinding({
        guard: 'gate',
        kind: approval.decision === 'approved' ? 'human-approved' : 'human-denied',
        severity: approval.decision === 'approved' ? 'info' : 'high',
        message: `${approval.decision === 'approved' ? 'Approved' : 'Denied'} by ${approval.approver} at ${approval.at}${approval.comment === undefined ? '' : `: ${this.#redact(approval.comment).text}`}.`,
        layer: gateLayer.name,
      });
    }
    const gateEntryIndex = this.#trace.findLastIndex((entry) => entry.layer === gateLayer.name);
    const gateEntry = this.#trace[gateEntryIndex];
    if (gateEntry !== undefined) {
      const updated: TraceEntry = { ...gateEntry, findings: this.#findings.filter((finding) => finding.layer === gateLayer.name) };
      this.#trace[gateEntryIndex] = updated;
      await store.recordLayer(this.#runId, gateIndex, updated);
    }
    if (denial !== undefined || !this.#approvalsSuffice()) {
      const reason =
        denial === undefined
          ? 'Human approval incomplete: the gate did not collect the approvals its risk requires.'
          : `Denied at the human gate by ${denial.approver}${denial.comment === undefined ? '' : ` (${this.#redact(denial.comment).text})`}.`;
      return this.#finish({ status: 'denied', reason, layer: gateLayer.name }, undefined, false, '', 'accept', config.layers.length, resumeState.current);
    }
    return this.#continueFrom(resumeState.nextLayerIndex, resumeState.current);
  }

  /** A P0 run needs two distinct approvers, anything else one; every decision must be an approval. */
  #approvalsSuffice(): boolean {
    const approvers = new Set(this.#approvals.filter((approval) => approval.decision === 'approved').map((approval) => approval.approver));
    return approvers.size >= (this.#risk.grade === 'P0' ? 2 : 1);
  }

  async execute(): Promise<RunResult> {
    const { config, store } = this.#deps;
    await store.startRun({
      runId: this.#runId,
      tenant: this.#tenant,
      domain: this.#domain,
      configHash: config.hash,
      inputHash: sha256(this.#request.input),
      startedAt: this.#startedAt.toISOString(),
      ...(this.#request.subjectId === undefined ? {} : { subjectId: this.#request.subjectId }),
      ...(this.#request.metadata === undefined ? {} : { metadata: this.#request.metadata }),
    });
    this.#emitter.emit({
      type: 'run-start',
      domain: this.#domain,
      configHash: config.hash,
      layers: config.layers.map((layer) => layer.name),
    });
    return this.#continueFrom(0, this.#intent);
  }

  /** Runs the layers from `startIndex` on, then decides and stores the result. */
  async #continueFrom(startIndex: number, start: string): Promise<RunResult> {
    const { config, store } = this.#deps;
    let current = start;
    let stop: Stop | undefined;
    let failure: { error: DaxError; layer: string } | undefined;
    let anchorSignal: 'accept' | 'rollback' | 'halt' = 'accept';
    let executorRolledBack = false;
    let finalOutput = '';
    let nextLayerIndex = config.layers.length;

    for (const [index, layer] of config.layers.entries()) {
      if (index < startIndex) continue;
      try {
        this.#request.signal?.throwIfAborted();
        const outcome = await this.#runLayer(layer, current);
        await store.recordLayer(this.#runId, index, outcome.entry);
        this.#trace.push(outcome.entry);
        this.#emitter.emit({
          type: 'layer-end',
          layer: layer.name,
          status: outcome.entry.status === 'rolled_back' ? 'rolled_back' : 'ok',
          model: outcome.entry.model,
          durationMs: outcome.entry.durationMs,
          unstable: outcome.entry.status === 'rolled_back',
        });
        if (layer.id === layerIds.anchor) {
          anchorSignal = readAnchorSignal(outcome.entry.output);
          continue;
        }
        current = outcome.next;
        if (layer.id === layerIds.executor) {
          executorRolledBack = outcome.entry.status === 'rolled_back';
          finalOutput = current;
        }
        stop = this.#stopAfter(layer);
        if (stop !== undefined) {
          nextLayerIndex = index + 1;
          break;
        }
      } catch (error) {
        const daxError = DaxError.isInstance(error)
          ? error
          : this.#request.signal?.aborted === true
            ? new DaxError('DAX_E_RUN_ABORTED', { cause: error })
            : toDaxError(error);
        failure = { error: daxError, layer: layer.name };
        this.#recordFailedLayer(layer, daxError);
        break;
      }
    }
    return this.#finish(stop, failure, executorRolledBack, finalOutput, anchorSignal, nextLayerIndex, current);
  }

  async #finish(
    stop: Stop | undefined,
    failure: { error: DaxError; layer: string } | undefined,
    executorRolledBack: boolean,
    lastOutput: string,
    anchorSignal: 'accept' | 'rollback' | 'halt',
    nextLayerIndex: number,
    current: string,
  ): Promise<RunResult> {
    const { store } = this.#deps;
    let finalOutput = lastOutput;
    let status: RunStatus;
    let action: StabilityAction;
    let reason: string;
    let decisionLayer: string | undefined;
    if (failure !== undefined) {
      status = 'failed';
      action = 'halt';
      reason = `${failure.layer} failed: ${failure.error.code}.`;
      decisionLayer = failure.layer;
      finalOutput = '';
    } else if (stop !== undefined) {
      status = stop.status;
      action = 'halt';
      reason = stop.reason;
      decisionLayer = stop.layer;
      finalOutput = '';
    } else {
      const decision = decideStability({
        rolledBackLayers: this.#rolledBack,
        executorRolledBack,
        output: finalOutput,
        anchorSignal,
        haltAfterRollbacks: this.#deps.limits.haltAfterRollbacks,
      });
      status = decision.status;
      action = decision.action;
      reason = decision.reason;
      decisionLayer = 'DA-X';
      if (status === 'halted') finalOutput = '';
    }

    const result = this.#buildResult(status, finalOutput, { action, reason, layer: decisionLayer }, failure);
    const paused = status === 'awaiting_approval' ? this.#pausedState(nextLayerIndex, current) : undefined;
    const stored = (await store.finishRun(result, paused)) ?? result;
    this.#emitter.emit({ type: 'run-end', status: stored.status, result: stored });
    return stored;
  }

  /** A run stops early when DA-9 denies it or DA-7 requires a human. */
  #stopAfter(layer: LayerEntry): Stop | undefined {
    if (layer.id === layerIds.verifier && this.#policy.decision === 'deny') {
      return {
        status: 'denied',
        layer: layer.name,
        reason: `Policy denied the request (${this.#policy.ruleIds.join(', ') || 'no rule id'}).`,
      };
    }
    if (layer.id === layerIds.steward && (this.#risk.gate || this.#policy.decision === 'gate')) {
      const why = [
        ...(this.#risk.gate ? [`risk ${this.#risk.grade}`] : []),
        ...(this.#policy.decision === 'gate' ? [`policy gate (${this.#policy.ruleIds.join(', ')})`] : []),
      ];
      return { status: 'awaiting_approval', layer: layer.name, reason: `Human approval required: ${why.join('; ')}.` };
    }
    return undefined;
  }

  /** The deterministic duty a layer performs before its model is called. */
  #performDuty(layer: LayerEntry): void {
    const { guards } = this.#deps;
    switch (layer.id) {
      case layerIds.sentinel: {
        this.#anchor = guarded('anchor', () => guards.extractAnchor(this.#intent));
        this.#injection = guarded('injection', () => guards.detectInjection(this.#intent));
        for (const match of this.#injection) {
          this.#addFinding({
            guard: 'injection',
            kind: match.ruleId,
            severity: 'high',
            message: match.message,
            layer: layer.name,
            ruleId: match.ruleId,
            start: match.start,
            end: match.end,
          });
        }
        return;
      }
      case layerIds.custodian: {
        this.#risk = guarded('risk', () => guards.gradeRisk(this.#intent, this.#injection));
        this.#addFinding({
          guard: 'risk',
          kind: `grade-${this.#risk.grade}`,
          severity: this.#risk.grade === 'P0' ? 'critical' : this.#risk.grade === 'P1' ? 'high' : 'info',
          message: `Risk ${this.#risk.grade}${this.#risk.gate ? ' (human gate required)' : ''}: ${this.#risk.reasons.join('; ') || 'routine request'}.`,
          layer: layer.name,
          ...(this.#risk.ruleIds[0] === undefined ? {} : { ruleId: this.#risk.ruleIds[0] }),
        });
        return;
      }
      case layerIds.verifier: {
        this.#policy = guarded('policy', () =>
          guards.evaluatePolicy({
            domain: this.#domain,
            tenant: this.#tenant,
            risk: this.#risk,
            injection: this.#injection.length > 0,
            piiTypes: this.#intentPiiTypes(),
            entities: this.#anchor.entities,
          }),
        );
        if (this.#policy.decision !== 'allow') {
          this.#addFinding({
            guard: 'policy',
            kind: this.#policy.decision,
            severity: this.#policy.decision === 'deny' ? 'critical' : 'high',
            message: `Policy decision ${this.#policy.decision} (${this.#policy.ruleIds.join(', ')}).`,
            layer: layer.name,
            ...(this.#policy.ruleIds[0] === undefined ? {} : { ruleId: this.#policy.ruleIds[0] }),
          });
        }
        return;
      }
      case layerIds.auditor: {
        const redaction = this.#redactIntent();
        this.#workingIntent = redaction.text;
        this.#piiTypes = [...new Set(redaction.spans.map((span) => span.type))];
        for (const span of redaction.spans) {
          this.#addFinding({
            guard: 'pii',
            kind: span.type,
            severity: secretTypes.has(span.type) ? 'high' : 'medium',
            message: `${span.type} redacted as ${span.placeholder}.`,
            layer: layer.name,
            start: span.start,
            end: span.end,
          });
        }
        return;
      }
      case layerIds.steward: {
        if (this.#risk.gate || this.#policy.decision === 'gate') {
          this.#addFinding({
            guard: 'gate',
            kind: 'human-approval-required',
            severity: 'high',
            message: `Paused for human approval (risk ${this.#risk.grade}, policy ${this.#policy.decision}).`,
            layer: layer.name,
          });
        }
        return;
      }
      default:
        return;
    }
  }

  /** The intent redacted with the run's redactor, computed once (DA-9 needs its types before DA-8 applies it). */
  #redactIntent(): RedactionResult {
    this.#intentRedaction ??= this.#redact(this.#intent);
    return this.#intentRedaction;
  }

  #intentPiiTypes(): string[] {
    return [...new Set(this.#redactIntent().spans.map((span) => span.type))];
  }

  #facts(): LayerFacts {
    return {
      intent: this.#workingIntent,
      domain: this.#domain,
      risk: { grade: this.#risk.grade, gate: this.#risk.gate, reasons: this.#risk.reasons },
      policy: { decision: this.#policy.decision, ruleIds: this.#policy.ruleIds },
      anchorKinds: [...new Set(this.#anchor.entities.map((entity) => entity.kind))],
      redactedTypes: this.#piiTypes,
      categories: this.#risk.categories,
    };
  }

  async #runLayer(layer: LayerEntry, current: string): Promise<LayerOutcome> {
    const started = this.#deps.clock.monotonicMs();
    this.#emitter.emit({ type: 'layer-start', layer: layer.name, agent: layer.agent, rerun: 0 });
    this.#performDuty(layer);

    const attempts: Attempt[] = [];
    let reruns = 0;
    let model = '';
    for (;;) {
      const reply = await this.#callModel(layer, current, attempts);
      model = reply.model;
      const problems = this.#checkOutput(layer, reply.output);
      if (problems.length === 0) {
        if (reruns > 0) {
          this.#addFinding({
            guard: 'stability',
            kind: 'rerun-resolved',
            severity: 'info',
            message: `${layer.name} was unstable and re-run ${reruns} time(s); the re-run output is stable.`,
            layer: layer.name,
          });
        }
        if (layer.id === layerIds.custodian) this.#applyStatedGrade(layer, reply.output);
        const redactedOutput = this.#redact(reply.output).text;
        const afterAuditor = this.#isAtOrAfterAuditor(layer);
        return {
          entry: this.#entry(layer, redactedOutput, reply.reason, 'ok', model, attempts, reruns, started),
          next: layer.id === layerIds.anchor ? current : afterAuditor ? redactedOutput : reply.output,
        };
      }
      if (reruns < this.#deps.limits.rerunLimit) {
        reruns += 1;
        this.#emitter.emit({ type: 'layer-start', layer: layer.name, agent: layer.agent, rerun: reruns });
        continue;
      }
      for (const problem of problems) this.#addFinding(problem);
      this.#rolledBack.push(layer.name);
      this.#addFinding({
        guard: 'stability',
        kind: 'rollback',
        severity: 'high',
        message: `${layer.name} stayed unstable after ${reruns} re-run(s); its output was discarded and the last stable output kept.`,
        layer: layer.name,
      });
      const redactedOutput = this.#redact(reply.output).text;
      return {
        entry: this.#entry(layer, redactedOutput, reply.reason, 'rolled_back', model, attempts, reruns, started),
        next: current,
      };
    }
  }

  #redact(text: string): RedactionResult {
    return guarded('pii', () => this.#redactor.redact(text));
  }

  #isAtOrAfterAuditor(layer: LayerEntry): boolean {
    return typeof layer.id !== 'number' || layer.id <= layerIds.auditor;
  }

  /** A stated P0/P1 in DA-11's model output can raise the grade; nothing a model says lowers it. */
  #applyStatedGrade(layer: LayerEntry, output: string): void {
    const stated = readStatedGrade(output);
    if (stated === undefined) return;
    const raised = raiseRisk(this.#risk, stated, 'risk.model-escalation', `${layer.name} model graded ${stated}`);
    if (raised !== this.#risk) {
      this.#risk = raised;
      this.#addFinding({
        guard: 'risk',
        kind: 'model-escalation',
        severity: 'high',
        message: `${layer.name}'s model raised the risk to ${stated}.`,
        layer: layer.name,
        ruleId: 'risk.model-escalation',
      });
    }
  }

  /** Guards run on a layer's output as soon as it is produced. Returns the problems that make it unstable. */
  #checkOutput(layer: LayerEntry, output: string): Finding[] {
    if (layer.id === layerIds.anchor) return [];
    const problems: Finding[] = [];
    if (output.trim().length === 0) {
      problems.push({ guard: 'structure', kind: 'empty-output', severity: 'high', message: `${layer.name} produced no output.`, layer: layer.name });
      return problems;
    }
    const drift = guarded('drift', () => this.#deps.guards.checkDrift(this.#anchor, output));
    for (const change of drift.changes) {
      problems.push({
        guard: 'drift',
        kind: change.kind,
        severity: 'high',
        message: `${layer.name} ${change.change} ${change.kind}${change.expected === undefined ? '' : ` (expected ${change.expected})`}${change.found === undefined ? '' : ` (found ${change.found})`}.`,
        layer: layer.name,
        ...(change.expected === undefined ? {} : { expected: change.expected }),
        ...(change.found === undefined ? {} : { found: change.found }),
      });
    }
    if (layer.guards?.includes('injection') === true) {
      for (const match of guarded('injection', () => this.#deps.guards.detectInjection(output))) {
        problems.push({ guard: 'injection', kind: match.ruleId, severity: 'high', message: `${layer.name} output tries to steer governance.`, layer: layer.name, ruleId: match.ruleId });
      }
    }
    if (layer.guards?.includes('pii') === true) {
      const spans = this.#redact(output).spans;
      // Personal data the intent itself holds is not new, whether or not DA-8 has run yet.
      const known = new Set(this.#intentPiiTypes());
      for (const span of spans.filter((candidate) => !known.has(candidate.type))) {
        problems.push({ guard: 'pii', kind: span.type, severity: 'high', message: `${layer.name} output contains ${span.type} not present in the intent.`, layer: layer.name });
      }
    }
    return problems;
  }

  async #callModel(layer: LayerEntry, current: string, attempts: Attempt[]): Promise<{ output: string; reason?: string; model: string }> {
    const includeReasons = this.#request.includeReasons === true;
    const prompt = buildLayerPrompt(layer, current, includeReasons);
    const invoke = async (text: string) => {
      try {
        const result = await this.#deps.router.invoke({
          layer: { id: layer.id, name: layer.name, agent: layer.agent },
          prompt: text,
          json: includeReasons,
          models: [layer.model ?? this.#deps.router.defaultModel, ...(layer.fallbacks ?? [])],
          ...(layer.temperature === undefined ? {} : { temperature: layer.temperature }),
          ...(layer.maxTokens === undefined ? {} : { maxTokens: layer.maxTokens }),
          timeoutMs: layer.timeoutMs ?? this.#deps.limits.layerTimeoutMs,
          signal: this.#request.signal ?? neverAborted,
          facts: this.#facts(),
          ...(this.#deps.config.modelPolicy === undefined ? {} : { modelPolicy: this.#deps.config.modelPolicy }),
        });
        attempts.push(...result.attempts);
        this.#countUsage(result.usage, result.attempts.length);
        if (this.#primaryModel === '') this.#primaryModel = result.model;
        return result;
      } catch (error) {
        if (error instanceof LayerInvocationError) {
          attempts.push(...error.attempts);
          this.#attempts += error.attempts.length;
        }
        throw error;
      }
    };
    const first = await invoke(prompt);
    if (!includeReasons) return { output: first.text.trim(), model: first.model };
    const parsed = parseLayerReply(first.text);
    if (parsed !== undefined) return { ...parsed, model: first.model };
    const second = await invoke(prompt + reaskSuffix);
    const reparsed = parseLayerReply(second.text);
    if (reparsed !== undefined) return { ...reparsed, model: second.model };
    throw new DaxError('DAX_E_LAYER_REASON_INVALID', { detail: `${layer.name} did not return {output, reason} JSON after one re-ask.` });
  }

  #countUsage(usage: ModelUsage, attempts: number): void {
    this.#attempts += attempts;
    this.#inputTokens += usage.inputTokens;
    this.#outputTokens += usage.outputTokens;
    if (usage.estimated) this.#usageEstimated = true;
  }

  #entry(
    layer: LayerEntry,
    output: string,
    reason: string | undefined,
    status: TraceEntry['status'],
    model: string,
    attempts: Attempt[],
    reruns: number,
    started: number,
  ): TraceEntry {
    return {
      layer: layer.name,
      agent: layer.agent,
      output,
      ...(reason === undefined ? {} : { reason: this.#redact(reason).text }),
      status,
      findings: this.#findings.filter((finding) => finding.layer === layer.name),
      model,
      attempts,
      reruns,
      durationMs: this.#deps.clock.monotonicMs() - started,
    };
  }

  #recordFailedLayer(layer: LayerEntry, error: DaxError): void {
    const attempts = error instanceof LayerInvocationError ? [...error.attempts] : [];
    this.#addFinding({
      guard: 'stability',
      kind: 'layer-failed',
      severity: 'critical',
      message: `${layer.name} failed with ${error.code}.`,
      layer: layer.name,
    });
    this.#trace.push({
      layer: layer.name,
      agent: layer.agent,
      output: '',
      status: 'failed',
      findings: this.#findings.filter((finding) => finding.layer === layer.name),
      model: attempts.at(-1) === undefined ? '' : `${attempts.at(-1)?.provider}:${attempts.at(-1)?.model}`,
      attempts,
      reruns: 0,
      durationMs: 0,
    });
    this.#emitter.emit({ type: 'layer-end', layer: layer.name, status: 'failed', model: '', durationMs: 0, unstable: true });
  }

  #addFinding(finding: Finding): void {
    this.#findings.push(finding);
    this.#emitter.emit({ type: 'guard-finding', finding });
  }

  #buildResult(
    status: RunStatus,
    output: string,
    decision: { action: StabilityAction; reason: string; layer: string | undefined },
    failure: { error: DaxError; layer: string } | undefined,
  ): RunResult {
    return {
      runId: this.#runId,
      status,
      output,
      trace: this.#trace,
      decision: { action: decision.action, reason: decision.reason, ...(decision.layer === undefined ? {} : { layer: decision.layer }) },
      risk: { grade: this.#risk.grade, gate: this.#risk.gate, reasons: [...this.#risk.reasons] },
      policy: { decision: this.#policy.decision, ruleIds: [...this.#policy.ruleIds] },
      findings: this.#findings,
      domain: this.#domain,
      configHash: this.#deps.config.hash,
      model: this.#primaryModel,
      attempts: this.#attempts,
      usage: { inputTokens: this.#inputTokens, outputTokens: this.#outputTokens, estimated: this.#usageEstimated },
      startedAt: this.#startedAt.toISOString(),
      durationMs: Math.round((this.#priorDurationMs + this.#deps.clock.monotonicMs() - this.#startedMs) * 1000) / 1000,
      ...(status === 'awaiting_approval' ? { pausedAt: this.#trace.at(-1)?.layer ?? 'DA-7' } : {}),
      evidenceIds: [],
      ...(this.#approvals.length === 0 ? {} : { approvals: [...this.#approvals] }),
      ...(failure === undefined
        ? {}
        : { error: { code: failure.error.code, message: failure.error.message, layer: failure.layer } }),
    };
  }

  #pausedState(nextLayerIndex: number, current: string): PausedRunState {
    return {
      version: 1,
      runId: this.#runId,
      nextLayerIndex,
      tenant: this.#tenant,
      domain: this.#domain,
      includeReasons: this.#request.includeReasons === true,
      configHash: this.#deps.config.hash,
      current,
      risk: this.#risk,
      policy: this.#policy,
      rolledBack: this.#rolledBack,
      anchor: this.#anchor,
      injection: this.#injection,
      piiTypes: this.#piiTypes,
      workingIntent: this.#workingIntent,
      intentSpans: this.#redactIntent().spans,
      ...(this.#request.caller === undefined ? {} : { caller: this.#request.caller }),
    };
  }
}

const neverAborted = new AbortController().signal;
