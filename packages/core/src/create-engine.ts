import { randomUUID } from 'node:crypto';
import { DaxError, type RunResult } from '@dax/protocol';
import { systemClock } from './clock.js';
import { defaultEngineLimits, type EngineLimits, type EngineOptions, type ResumeRequest, type RunRequest } from './engine-options.js';
import type { LayerConfig } from './layer-config.js';
import { runDeadline } from './run-deadline.js';
import { readResumeState } from './resume-state.js';
import { RunExecution } from './run-execution.js';

export interface Engine {
  readonly config: LayerConfig;
  readonly limits: EngineLimits;
  /** Runs one intent through every layer. Rejects only for bad input or an unavailable store. */
  run(request: RunRequest): Promise<RunResult>;
  /**
   * Continues a run paused at DA-7 once its gate is decided. Only one caller
   * across replicas wins the paused run; the others get `DAX_E_RUN_NOT_PAUSED`.
   */
  resume(request: ResumeRequest): Promise<RunResult>;
}

function validateRequest(request: RunRequest, limits: EngineLimits): void {
  if (typeof request.input !== 'string' || request.input.trim().length === 0) {
    throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'The input must be a non-empty string.' });
  }
  if (request.input.length > limits.maxInputChars) {
    throw new DaxError('DAX_E_INPUT_TOO_LARGE', {
      detail: `The input has ${request.input.length} characters; the limit is ${limits.maxInputChars}.`,
    });
  }
  if (request.domain !== undefined && !/^[a-z][a-z0-9-]{0,62}$/.test(request.domain)) {
    throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'The domain must be lower-case letters, digits and dashes.' });
  }
}

/** Creates the governance engine over its ports. Configuration is validated once, here. */
export function createEngine(options: EngineOptions): Engine {
  const limits: EngineLimits = { ...defaultEngineLimits, ...options.limits };
  const createRunId = options.createRunId ?? (() => `run_${randomUUID()}`);
  const dependencies = {
    config: options.config,
    router: options.router,
    guards: options.guards,
    store: options.store,
    clock: options.clock ?? systemClock,
    limits,
  };
  return {
    config: options.config,
    limits,
    async run(request: RunRequest): Promise<RunResult> {
      validateRequest(request, limits);
      const config = options.configSource === undefined ? options.config : await options.configSource.resolve(request.domain ?? 'default');
      const deadline = runDeadline(limits.runDeadlineMs, request.signal);
      return new RunExecution({ ...dependencies, config }, { ...request, signal: deadline.signal }, createRunId())
        .execute()
        .finally(deadline.clear);
    },
    async resume(request: ResumeRequest): Promise<RunResult> {
      const { store } = dependencies;
      if (store.reopenPausedRun === undefined) {
        throw new DaxError('DAX_E_RUN_NOT_PAUSED', { detail: 'This store cannot resume paused runs.' });
      }
      // A state that cannot be resumed is refused before the run is taken: it stays paused.
      const stored = await store.getPausedState(request.runId);
      if (stored === undefined) throw new DaxError('DAX_E_RUN_NOT_PAUSED');
      const resumable = readResumeState(stored);
      // The run continues on the configuration version it started on, whatever is active now;
      // resolved before the run is taken, so a missing version leaves it paused.
      const source = options.configSource;
      const config =
        source === undefined
          ? options.config
          : source.resolveVersion === undefined
            ? await source.resolve(resumable.domain)
            : await source.resolveVersion(resumable.domain, resumable.configHash);
      const reopened = await store.reopenPausedRun(request.runId);
      if (reopened === undefined) throw new DaxError('DAX_E_RUN_NOT_PAUSED');
      const state = reopened.state as { tenant?: unknown; domain?: unknown; includeReasons?: unknown };
      const execution = new RunExecution(
        { ...dependencies, config },
        {
          input: '',
          ...(typeof state.tenant === 'string' ? { tenant: state.tenant } : {}),
          ...(typeof state.domain === 'string' ? { domain: state.domain } : {}),
          includeReasons: request.includeReasons ?? state.includeReasons === true,
          ...(request.signal === undefined ? {} : { signal: request.signal }),
          ...(request.onEvent === undefined ? {} : { onEvent: request.onEvent }),
        },
        request.runId,
        { result: reopened.result, state: reopened.state, approvals: request.approvals, eventSeq: request.eventSeq ?? 0 },
      );
      return execution.resume(reopened.state);
    },
  };
}
