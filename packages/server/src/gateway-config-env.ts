import type { GatewayConfigInput } from './gateway-config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Which environment variable sets which setting (dotted path). */
export const gatewayEnvVariables = {
  DAX_HOST: 'host',
  DAX_PORT: 'port',
  DAX_DATA_DIR: 'dataDir',
  DAX_DATABASE_URL: 'databaseUrl',
  DAX_REDIS_URL: 'redisUrl',
  DAX_REDIS_KEY_PREFIX: 'redisKeyPrefix',
  DAX_RUN_LEASE_TTL_MS: 'runLeaseTtlMs',
  DAX_PROVIDER: 'provider',
  DAX_TLS_CERT: 'tls.certFile',
  DAX_TLS_KEY: 'tls.keyFile',
  DAX_TLS_CA: 'tls.caFile',
  DAX_TLS_REQUEST_CERT: 'tls.requestCert',
  DAX_CORS_ORIGINS: 'corsOrigins',
  DAX_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  DAX_MAX_INPUT_CHARS: 'maxInputChars',
  DAX_SHUTDOWN_GRACE_MS: 'shutdownGraceMs',
  DAX_LOG_LEVEL: 'logLevel',
  DAX_OIDC_ISSUER: 'oidc.issuer',
  DAX_OIDC_AUDIENCE: 'oidc.audience',
  DAX_OIDC_JWKS_URL: 'oidc.jwksUrl',
  DAX_OIDC_TENANT_CLAIM: 'oidc.tenantClaim',
  DAX_OIDC_ROLES_CLAIM: 'oidc.rolesClaim',
  DAX_RATE_PER_KEY: 'limits.requestsPerMinutePerKey',
  DAX_RATE_PER_TENANT: 'limits.requestsPerMinutePerTenant',
  DAX_MAX_CONCURRENT_RUNS: 'limits.concurrentRunsPerTenant',
  DAX_DAILY_TOKEN_BUDGET: 'limits.dailyTokenBudgetPerTenant',
  DAX_METRICS: 'observability.metrics',
  DAX_METRICS_PORT: 'observability.metricsPort',
  DAX_METRICS_HOST: 'observability.metricsHost',
  DAX_TRACE_CONTENT: 'observability.traceContent',
  DAX_PRICES_FILE: 'observability.pricesFile',
} as const;

const numericSettings: ReadonlySet<string> = new Set([
  'port',
  'bodyLimitBytes',
  'maxInputChars',
  'shutdownGraceMs',
  'runLeaseTtlMs',
  'limits.requestsPerMinutePerKey',
  'limits.requestsPerMinutePerTenant',
  'limits.concurrentRunsPerTenant',
  'limits.dailyTokenBudgetPerTenant',
  'observability.metricsPort',
]);
const booleanSettings: ReadonlySet<string> = new Set(['tls.requestCert', 'observability.metrics', 'observability.traceContent']);
const integerPattern = /^-?\d+$/;
const trueWords: ReadonlySet<string> = new Set(['1', 'true', 'yes', 'on']);
const falseWords: ReadonlySet<string> = new Set(['0', 'false', 'no', 'off']);

/** Turns an environment string into the setting's type; leaves it a string when it does not fit (validation then names it). */
function convert(path: string, raw: string): unknown {
  if (numericSettings.has(path)) return integerPattern.test(raw) ? Number(raw) : raw;
  if (booleanSettings.has(path)) {
    const word = raw.toLowerCase();
    return trueWords.has(word) ? true : falseWords.has(word) ? false : raw;
  }
  if (path === 'corsOrigins') return raw.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  return raw;
}

export interface EnvSettings {
  readonly settings: GatewayConfigInput;
  /** Dotted setting path → the variable that set it. */
  readonly sources: ReadonlyMap<string, string>;
}

/** The settings given by `DAX_*` environment variables (empty values are ignored). */
export function gatewayConfigFromEnv(env: Env): EnvSettings {
  const settings: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  for (const [variable, path] of Object.entries(gatewayEnvVariables)) {
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') continue;
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail === undefined) {
      settings[head] = convert(path, raw);
    } else {
      const group = (settings[head] ??= {}) as Record<string, unknown>;
      group[tail] = convert(path, raw);
    }
    sources.set(path, variable);
  }
  return { settings, sources };
}
