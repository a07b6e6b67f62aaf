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
  type RunRequest,
  type RunStore,
} from '@dax/core';
import { checkDrift, createGuardSuite, extractAnchor, loadPolicySet, redactText } from '@dax/guards';
import { DaxError, type RunResult } from '@dax/protocol';
import { resilientProviders } from '@dax/providers';
import { openRunStore } from '@dax/store';
import { resolvePaths } from './resolve-paths.js';
import { circuitBreakerStoreFor } from './circuit-breaker-store-for.js';
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
  /** A ready store (tests, or a server that shares one); default Postgres when DAX_DATABASE_URL is set, else the embedded SQLite store in dataDir. */
  readonly store?: RunStore;
  readonly limits?: Partial<EngineLimits>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Shares circuit-breaker state between replicas; default `$DAX_REDIS_URL`, else breakers in memory. */
  readonly redisUrl?: string;
  /** Prefix of the Redis keys. Default `$DAX_REDIS_KEY_PREFIX` or `dax:`. */
  readonly redisKeyPrefix?: string;
  /** Upstream calls in flight at once over all providers (the bulkhead). Default 64. */
  readonly maxConcurrentCalls?: number;
}

export interface Dax {
  readonly config: LayerConfig;
  readonly guards: GuardSuite;
  /** Runs an intent through all fourteen layers. */
  run(input: string | RunRequest): Promise<RunResult>;
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

/** `DAX_RUN_LEASE_TTL_MS`: how long a run's lease lasts without a heartbeat; a bad value fails at start. */
function leaseSetting(env: Readonly<Record<string, string | undefined>>): { leaseTtlMs?: number } {
  const raw = env.DAX_RUN_LEASE_TTL_MS?.trim();
  if (raw === undefined || raw === '') return {};
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'DAX_RUN_LEASE_TTL_MS must be a positive whole number of milliseconds.' });
  }
  return { leaseTtlMs: Number(raw) };
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
  const breakerState = circuitBreakerStoreFor(options.redisUrl ?? env.DAX_REDIS_URL, options.redisKeyPrefix ?? env.DAX_REDIS_KEY_PREFIX);
  const providers = resilientProviders(buildProviders(env, selection, wanted), {
    breakers: breakerState.breakers,
    ...(options.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: options.maxConcurrentCalls }),
  });
  const router = createRouter(providers, defaultModelFor(selection));

  let storePromise: Promise<RunStore> | undefined;
  const store = (): Promise<RunStore> => {
    storePromise ??=
      options.store === undefined
        ? openRunStore({ databaseUrl: env.DAX_DATABASE_URL, dataDir: paths.dataDir, env, ...leaseSetting(env) })
        : Promise.resolve(options.store);
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
      breakerState.close();
      if (storePromise !== undefined && options.store === undefined) await (await storePromise).close();
    },
  };
}
