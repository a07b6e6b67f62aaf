import { DaxError } from '@dax/protocol';
import { z } from 'zod';

/** Every default of the gateway, in one place (docs/gateway.md lists them). */
export const gatewayConfigDefaults = {
  host: '127.0.0.1',
  port: 8787,
  provider: 'offline',
  corsOrigins: [] as string[],
  bodyLimitBytes: 1_048_576,
  maxInputChars: 32_000,
  shutdownGraceMs: 10_000,
  logLevel: 'info',
  runLeaseTtlMs: 60_000,
  redisKeyPrefix: 'dax:',
  tls: { requestCert: false },
  limits: {
    requestsPerMinutePerKey: 600,
    requestsPerMinutePerTenant: 3_000,
    concurrentRunsPerTenant: 16,
    dailyTokenBudgetPerTenant: 5_000_000,
  },
  gates: { sweepIntervalMs: 5_000 },
  oidc: { tenantClaim: 'tenant', rolesClaim: 'roles', algorithms: ['RS256', 'ES256', 'EdDSA'] },
  governance: { adminTenants: ['default'], approvalGroups: ['safety', 'platform'] },
  observability: { metrics: true, metricsHost: '127.0.0.1', traceContent: false },
  dataHandling: {
    redaction: true,
    retentionDays: { restricted: 30, confidential: 90, internal: 365, public: null },
    retentionSweepMs: 3_600_000,
  },
} as const;

const defaults = gatewayConfigDefaults;
const positiveInteger = z.number().int().positive();

/** An origin such as `https://app.example.com` (scheme, host, optional port; nothing else). */
const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  },
  { message: 'must be an origin such as https://app.example.com (no path, no trailing slash)' },
);

const tlsSchema = z.strictObject({
  certFile: z.string().min(1),
  keyFile: z.string().min(1),
  /** CA bundle that client certificates must chain to (mutual TLS). */
  caFile: z.string().min(1).optional(),
  /** Mutual TLS: require a client certificate signed by `caFile`. */
  requestCert: z.boolean().default(defaults.tls.requestCert),
});

const limitsSchema = z.strictObject({
  requestsPerMinutePerKey: positiveInteger.default(defaults.limits.requestsPerMinutePerKey),
  requestsPerMinutePerTenant: positiveInteger.default(defaults.limits.requestsPerMinutePerTenant),
  concurrentRunsPerTenant: positiveInteger.default(defaults.limits.concurrentRunsPerTenant),
  dailyTokenBudgetPerTenant: positiveInteger.default(defaults.limits.dailyTokenBudgetPerTenant),
});

const oidcSchema = z.strictObject({
  issuer: z.url(),
  audience: z.string().min(1),
  jwksUrl: z.url(),
  tenantClaim: z.string().min(1).default(defaults.oidc.tenantClaim),
  rolesClaim: z.string().min(1).default(defaults.oidc.rolesClaim),
  /** Claim listing approval groups for configuration versions (e.g. `groups`); none when unset. */
  groupsClaim: z.string().min(1).optional(),
  algorithms: z
    .array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']))
    .min(1)
    .default(() => [...defaults.oidc.algorithms]),
});

const groupNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');
const domainNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');

/** Who may change configuration and which domains each tenant may run in (docs/governance.md). */
const governanceSchema = z.strictObject({
  /** Tenants whose identities may use the configuration admin API. */
  adminTenants: z.array(z.string().min(1)).min(1).default(() => [...defaults.governance.adminTenants]),
  /** Groups that must each approve a version (a different person per group). */
  approvalGroups: z.array(groupNameSchema).min(1).default(() => [...defaults.governance.approvalGroups]),
  /** Group membership by subject (`key:<keyId>`, `oidc:<sub>`, `cert:<fingerprint>`), besides the OIDC `groups` claim. */
  groupMembers: z.record(groupNameSchema, z.array(z.string().min(1))).default({}),
  /** Allowed domains per tenant; `"*"` applies to tenants not listed. Without an entry a tenant may use any domain. */
  tenantDomains: z.record(z.string().min(1), z.array(domainNameSchema)).default({}),
});

const observabilitySchema = z.strictObject({
  /** Serve Prometheus metrics (at /metrics for the `metrics` role, or on `metricsPort`). */
  metrics: z.boolean().default(defaults.observability.metrics),
  /** Serve /metrics on this separate port (no authentication; bind it to an internal interface) instead of the API port. */
  metricsPort: z.number().int().min(0).max(65_535).optional(),
  metricsHost: z.string().min(1).default(defaults.observability.metricsHost),
  /** Put redacted layer outputs on trace spans (off: spans carry no message content). */
  traceContent: z.boolean().default(defaults.observability.traceContent),
  /** Price table for the estimated cost metric; default the bundled config/prices.json. */
  pricesFile: z.string().min(1).optional(),
});

const retentionDaysSchema = positiveInteger.nullable();
const retentionDefaults = defaults.dataHandling.retentionDays;

const dataHandlingSchema = z.strictObject({
  /** The redaction service over logs and problem details. */
  redaction: z.boolean().default(defaults.dataHandling.redaction),
  /** Days texts of each data class are kept; null keeps them. */
  retentionDays: z
    .strictObject({
      restricted: retentionDaysSchema.default(retentionDefaults.restricted),
      confidential: retentionDaysSchema.default(retentionDefaults.confidential),
      internal: retentionDaysSchema.default(retentionDefaults.internal),
      public: retentionDaysSchema.default(retentionDefaults.public),
    })
    .prefault({}),
  /** How often the retention sweep runs; 0 turns it off. */
  retentionSweepMs: z.number().int().min(0).default(defaults.dataHandling.retentionSweepMs),
});

/** The gateway's settings: strict (an unknown setting is an error), defaults filled in. */
export const gatewayConfigSchema = z.strictObject({
  host: z.string().min(1).default(defaults.host),
  port: z.number().int().min(0).max(65_535).default(defaults.port),
  /** Embedded store directory; default `$DAX_DATA_DIR` or `~/.dax`. */
  dataDir: z.string().min(1).optional(),
  /** `postgres://…` selects the Postgres store (several replicas); unset keeps the embedded store. */
  databaseUrl: z.string().regex(/^postgres(?:ql)?:\/\//i, 'must be a postgres:// or postgresql:// URL').optional(),
  /** How long a running run's lease lasts without a heartbeat; expired runs are failed `DAX_E_RUN_ABANDONED`. */
  runLeaseTtlMs: z.number().int().min(1_000).default(defaults.runLeaseTtlMs),
  /** `redis://…` shares rate limits, concurrency slots, budgets and circuit breakers between replicas. */
  redisUrl: z.string().regex(/^rediss?:\/\//i, 'must be a redis:// or rediss:// URL').optional(),
  /** Prefix of every Redis key, so that several deployments can share one Redis. */
  redisKeyPrefix: z.string().min(1).max(64).default(defaults.redisKeyPrefix),
  /** `offline`, `scripted:<file>`, or a provider id (xai, openai, anthropic, local). */
  provider: z.string().min(1).default(defaults.provider),
  tls: tlsSchema
    .refine((tls) => !tls.requestCert || tls.caFile !== undefined, { message: 'requestCert needs caFile', path: ['caFile'] })
    .optional(),
  corsOrigins: z.array(originSchema).default([...defaults.corsOrigins]),
  bodyLimitBytes: positiveInteger.default(defaults.bodyLimitBytes),
  maxInputChars: positiveInteger.default(defaults.maxInputChars),
  shutdownGraceMs: z.number().int().min(0).default(defaults.shutdownGraceMs),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(defaults.logLevel),
  limits: limitsSchema.prefault({}),
  oidc: oidcSchema.optional(),
  governance: governanceSchema.prefault({}),
  observability: observabilitySchema.prefault({}),
  dataHandling: dataHandlingSchema.prefault({}),
  gates: z
    .strictObject({
      /** Rotations file; default `$DAX_ROTATIONS`, `./config/rotations.json`, then the built-in rotation. */
      rotationsFile: z.string().min(1).optional(),
      /** How often this replica runs the SLA sweep; 0 turns the timer off (call `sweep` yourself). */
      sweepIntervalMs: z.number().int().min(0).default(defaults.gates.sweepIntervalMs),
    })
    .prefault({}),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
/** What a config file, the environment or a caller may set (everything optional). */
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Validates settings and fills in defaults. A bad setting throws
 * `DAX_E_CONFIG_INVALID` naming the setting (and where it came from, when
 * `sourceOf` knows), so start-up stops with a message that says what to fix.
 */
export function parseGatewayConfig(input: unknown, sourceOf: (path: string) => string | undefined = () => undefined): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].join('.');
    const source = sourceOf(path);
    const setting = path === '' ? 'the gateway configuration' : `"${path}"${source === undefined ? '' : ` (from ${source})`}`;
    const problem = issue.code === 'unrecognized_keys' ? 'is not a known setting' : valueAt(input, issue.path) === undefined ? 'is required' : issue.message;
    return `Setting ${setting}: ${problem}`;
  });
  throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${problems.join('; ')}.` });
}
