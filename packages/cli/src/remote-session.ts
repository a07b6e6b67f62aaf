import type { IntentValidation, RunListPage, RunListQuery, RunRequest } from '@dax/core';
import { DaxError, type RunResult } from '@dax/protocol';
import type { CliIo } from './cli-io.js';
import type { GlobalOptions } from './main.js';
import { openDax } from './open-dax.js';
import { createRemoteDax } from './remote-dax.js';
import { remoteTarget } from './remote-target.js';

/** What the run, runs and validate commands need, locally (embedded runtime) or remotely (a gateway). */
export interface DaxSession {
  run(request: RunRequest): Promise<RunResult>;
  getRun(runId: string): Promise<RunResult | undefined>;
  listRuns(query: RunListQuery): Promise<RunListPage>;
  validate(text: string, context?: { domain?: string }): IntentValidation | Promise<IntentValidation>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** `--url`; with `$DAX_URL` as fallback. */
  readonly url?: string;
  /** `--provider` (local mode only: a gateway chooses its own provider). */
  readonly provider?: string;
}

/** A remote session when `--url` or `$DAX_URL` names a gateway, else the embedded runtime. */
export function openSession(io: CliIo, globals: GlobalOptions, options: SessionOptions = {}): DaxSession {
  const target = remoteTarget(io, options.url);
  if (target === undefined) return openDax(io, globals, options.provider);
  if (options.provider !== undefined) {
    throw new DaxError('DAX_E_USAGE', { detail: '--provider works in local mode only: the gateway chooses its provider.' });
  }
  return createRemoteDax(target);
}
