import { dirname, join } from 'node:path';
import {
  createConfigGovernance,
  createEngine,
  createVersionedConfigSource,
  loadLayerConfig,
  loadModelPolicy,
  validateLayersAgainstPolicy,
  type ApprovalRules,
  type ConfigGovernance,
  type ConfigVersionStore,
  type ModelPolicy,
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
import { DaxError, type RunResult } from '@dax/protocol';
import { resilientProviders, type BreakerObserver } from '@dax/providers';
import { configVersionStoreFor, KyselyRunStore, openRunStore } from '@dax/store';
import { createConfigValidator } from './create-config-validator.js';
import { DomainLayers } from './domain-layers.js';
import { resolvePaths } from './resolve-paths.js';
import { circuitBreakerStoreFor } from './circuit-breaker-store-for.js';
import { resilienceSettingsFromEnv } from './resilience-settings.js';
import { wholeNumberSetting } from './whole-number-setting.js';
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
  /** Upstream calls in flight at once over all providers (the bulkhead). Default `$DAX_MAX_CONCURRENT_CALLS` or 64. */
  readonly maxConcurrentCalls?: number;
  /** Told the circuit-breaker state each upstream call sees (metrics). */
  readonly onBreakerState?: BreakerObserver;
  /** Model policy file; default `$DAX_MODEL_POLICY`, then `models.json` beside the layer file (optional). */
  readonly modelPolicyPath?: string;
  /** Where other domains' layer files live; default `domains/` beside the layer file. */
  readonly domainsDir?: string;
  /** Where configuration versions live; default the run store's database (a Kysely store). */
  readonly configStore?: ConfigVersionStore;
  /** Who must approve a configuration version; default one approver from `safety` and one from `platform`. */
  readonly approvalRules?: ApprovalRules;
}

export interface Dax {
  readonly config: LayerConfig;
  /** The on-disk model policy (the bootstrap version), when there is one. */
  readonly modelPolicy: ModelPolicy | undefined;
  readonly guards: GuardSuite;
  /** The configuration lifecycle (propose, approve, activate, roll back) over the store. */
  governance(): Promise<ConfigGovernance>;
  /** The configuration a run in this domain would use now (its active version). */
  resolveConfig(domain: string): Promise<LayerConfig>;
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

/** `DAX_RUN_LEASE_TTL_MS`: how long a run's lease lasts without a heartbeat; a bad value fails at start. */
function leaseSetting(env: Readonly<Record<string, string | undefined>>): { leaseTtlMs?: number } {
  const leaseTtlMs = wholeNumberSetting(env, 'DAX_RUN_LEASE_TTL_MS', 1);
  return leaseTtlMs === undefined ? {} : { leaseTtlMs };
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
  const configDir = dirname(paths.configPath);
  const modelPolicy = loadModelPolicy(options.modelPolicyPath ?? env.DAX_MODEL_POLICY ?? join(configDir, 'models.json'));
  const domainLayers = new DomainLayers(config, options.domainsDir ?? join(configDir, 'domains'));
  const guards = createGuardSuite({ policies: loadPolicySet(paths.policiesDir) });
  const selection = options.provider ?? env.DAX_PROVIDER ?? 'offline';
  const wanted = new Set(
    [
      ...config.layers.flatMap((layer) => [layer.model, ...(layer.fallbacks ?? [])]),
      ...(modelPolicy?.fallbackOrder ?? []),
      ...Object.values(modelPolicy?.layers ?? {}).flatMap((override) => [override.model, ...(override.fallbacks ?? [])]),
    ].flatMap((ref) => (ref === undefined ? [] : [ref.split(':')[0]!])),
  );
  const built = buildProviders(env, selection, wanted, modelPolicy);
  const resilience = resilienceSettingsFromEnv(env);
  const breakerState = circuitBreakerStoreFor(options.redisUrl ?? env.DAX_REDIS_URL, options.redisKeyPrefix ?? env.DAX_REDIS_KEY_PREFIX, resilience.breaker);
  const maxConcurrentCalls = options.maxConcurrentCalls ?? resilience.maxConcurrentCalls;
  const providers = resilientProviders(built.providers, {
    breakers: breakerState.breakers,
    ...(maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls }),
    ...(resilience.maxQueuedCalls === undefined ? {} : { maxQueuedCalls: resilience.maxQueuedCalls }),
    ...(options.onBreakerState === undefined ? {} : { onBreakerState: options.onBreakerState }),
  });
  const router = createRouter(providers, defaultModelFor(selection));
  if (modelPolicy !== undefined && options.config === undefined) {
    const violation = validateLayersAgainstPolicy(config.layers, 'default', modelPolicy, router.defaultModel)[0];
    if (violation !== undefined) throw violation;
  }

  let storePromise: Promise<RunStore> | undefined;
  const store = (): Promise<RunStore> => {
    storePromise ??=
      options.store === undefined
        ? openRunStore({ databaseUrl: env.DAX_DATABASE_URL, dataDir: paths.dataDir, env, ...leaseSetting(env) })
        : Promise.resolve(options.store);
    return storePromise;
  };
  const configStore = async (): Promise<ConfigVersionStore | undefined> => {
    if (options.configStore !== undefined) return options.configStore;
    const runStore = await store();
    return runStore instanceof KyselyRunStore ? configVersionStoreFor(runStore) : undefined;
  };
  const configSource = async () => {
    const versions = await configStore();
    return createVersionedConfigSource({
      ...(versions === undefined ? {} : { store: versions }),
      bootstrapLayers: (domain) => domainLayers.get(domain),
      ...(modelPolicy === undefined ? {} : { bootstrapModelPolicy: modelPolicy }),
    });
  };
  let enginePromise: Promise<Engine> | undefined;
  const engine = (): Promise<Engine> => {
    enginePromise ??= Promise.all([store(), configSource()]).then(([runStore, source]) =>
      createEngine({ config, configSource: source, router, guards, store: runStore, ...(options.limits === undefined ? {} : { limits: options.limits }) }),
    );
    return enginePromise;
  };
  let governancePromise: Promise<ConfigGovernance> | undefined;
  const governance = (): Promise<ConfigGovernance> => {
    governancePromise ??= configStore().then((versions) => {
      if (versions === undefined) throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: 'This store keeps no configuration versions.', retryable: false });
      const validator = createConfigValidator({ store: versions, domainLayers, bootstrapModelPolicy: modelPolicy, defaultModel: router.defaultModel });
      return createConfigGovernance({ store: versions, validate: (kind, domain, content) => validator.validate(kind, domain, content), ...(options.approvalRules === undefined ? {} : { rules: options.approvalRules }) });
    });
    return governancePromise;
  };
  let sourcePromise: ReturnType<typeof configSource> | undefined;

  return {
    config,
    modelPolicy,
    guards,
    governance,
    async resolveConfig(domain) {
      sourcePromise ??= configSource();
      return (await sourcePromise).resolve(domain);
    },
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
      breakerState.close();
      await built.close();
      if (storePromise !== undefined && options.store === undefined) await (await storePromise).close();
    },
  };
}
