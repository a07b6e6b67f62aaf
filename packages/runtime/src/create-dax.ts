import {
  createEngine,
  loadLayerConfig,
  validateIntent,
  type Engine,
  type EngineLimits,
  type GuardSuite,
  type IntentValidation,
  type LayerConfig,
  type RunListPage,
  type RunListQuery,
  type ResumeRequest,
  type RunRequest,
  type RunStore,
} from '@dax/core';
import { checkDrift, createGuardSuite, extractAnchor, loadPolicySet, redactText } from '@dax/guards';
import type { RunResult } from '@dax/protocol';
import { openSqliteStore } from '@dax/store';
import { resolvePaths } from './resolve-paths.js';
import { buildProviders, createRouter, defaultModelFor } from './select-providers.js';

export interface DaxOptions {
  /** Layer file; default `$DAX_CONFIG`, `./config/layers.json`, then the bundled file. */
  readonly configPath?: string;
  /** An already validated configuration (wins over configPath). */
  readonly config?: LayerConfig;
  readonly policiesDir?: string;
  readonly dataDir?: string;
  /** `offline` (default, or `$DAX_PROVIDER`), `scripted:<file>`, `xai`, `openai`, `anthropic`, `local`. */
  readonly provider?: string;
  /** A ready store (tests, or a server that shares one); default the embedded SQLite store in dataDir. */
  readonly store?: RunStore;
  readonly limits?: Partial<EngineLimits>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

export interface Dax {
  readonly config: LayerConfig;
  readonly guards: GuardSuite;
  /** Runs an intent through all fourteen layers. */
  run(input: string | RunRequest): Promise<RunResult>;
  /** Continues a run paused at DA-7 once its human gate is decided (any process may do it, once). */
  resume(request: ResumeRequest): Promise<RunResult>;
  /** The guards' verdict without any model call. */
  validate(text: string, context?: { domain?: string; tenant?: string }): IntentValidation;
  /** Redacts personal data and secrets from text (offsets into the input). */
  redact(text: string): ReturnType<typeof redactText>;
  /** Checks a candidate text against what an intent stated. */
  drift(intent: string, candidate: string): ReturnType<typeof checkDrift>;
  getRun(runId: string, tenant?: string): Promise<RunResult | undefined>;
  listRuns(query: RunListQuery): Promise<RunListPage>;
  close(): Promise<void>;
}

/**
 * The library entry: validates configuration and policies and builds providers at
 * once (bad settings fail here, not mid-run); opens the store on first use.
 */
export function createDax(options: DaxOptions = {}): Dax {
  const env = options.env ?? process.env;
  const paths = resolvePaths({
    env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.policiesDir === undefined ? {} : { policiesDir: options.policiesDir }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
  });
  const config = options.config ?? loadLayerConfig(paths.configPath);
  const guards = createGuardSuite({ policies: loadPolicySet(paths.policiesDir) });
  const selection = options.provider ?? env.DAX_PROVIDER ?? 'offline';
  const wanted = new Set(
    config.layers.flatMap((layer) => [layer.model, ...(layer.fallbacks ?? [])]).flatMap((ref) => (ref === undefined ? [] : [ref.split(':')[0]!])),
  );
  const router = createRouter(buildProviders(env, selection, wanted), defaultModelFor(selection));

  let storePromise: Promise<RunStore> | undefined;
  const store = (): Promise<RunStore> => {
    storePromise ??= options.store === undefined ? openSqliteStore({ dataDir: paths.dataDir }) : Promise.resolve(options.store);
    return storePromise;
  };
  let enginePromise: Promise<Engine> | undefined;
  const engine = (): Promise<Engine> => {
    enginePromise ??= store().then((runStore) =>
      createEngine({ config, router, guards, store: runStore, ...(options.limits === undefined ? {} : { limits: options.limits }) }),
    );
    return enginePromise;
  };

  return {
    config,
    guards,
    async run(input) {
      const request = typeof input === 'string' ? { input } : input;
      return (await engine()).run(request);
    },
    async resume(request) {
      return (await engine()).resume(request);
    },
    validate: (text, context = {}) => validateIntent(guards, text, context),
    redact: (text) => redactText(text),
    drift: (intent, candidate) => checkDrift(extractAnchor(intent), candidate),
    async getRun(runId, tenant) {
      return (await store()).getRun(runId, tenant);
    },
    async listRuns(query) {
      return (await store()).listRuns(query);
    },
    async close() {
      if (storePromise !== undefined && options.store === undefined) await (await storePromise).close();
    },
  };
}
