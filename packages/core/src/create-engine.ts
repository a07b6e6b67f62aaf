import { randomUUID } from 'node:crypto';
import { DaxError, type RunResult } from '@dax/protocol';
import { systemClock } from './clock.js';
import { defaultEngineLimits, type EngineLimits, type EngineOptions, type RunRequest } from './engine-options.js';
import type { LayerConfig } from './layer-config.js';
import { runDeadline } from './run-deadline.js';
import { RunExecution } from './run-execution.js';

export interface Engine {
  readonly config: LayerConfig;
  readonly limits: EngineLimits;
  /** Runs one intent through every layer. Rejects only for bad input or an unavailable store. */
  run(request: RunRequest): Promise<RunResult>;
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
  };
}
