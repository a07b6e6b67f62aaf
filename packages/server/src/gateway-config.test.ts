import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayConfigDefaults, parseGatewayConfig } from './gateway-config.js';
import { loadGatewayConfig } from './gateway-config-loader.js';

function configFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dax-gateway-config-')), 'gateway.json');
  writeFileSync(file, content);
  return file;
}

function failure(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('gateway config', () => {
  it('fills every default', () => {
    const config = parseGatewayConfig({});
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8787,
      provider: 'offline',
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
      maxInputChars: 32_000,
      shutdownGraceMs: 10_000,
      logLevel: 'info',
      runLeaseTtlMs: 60_000,
      redisKeyPrefix: 'dax:',
      limits: gatewayConfigDefaults.limits,
      governance: { adminTenants: ['default'], approvalGroups: ['safety', 'platform'], groupMembers: {}, tenantDomains: {} },
      observability: gatewayConfigDefaults.observability,
      dataHandling: gatewayConfigDefaults.dataHandling,
      gates: gatewayConfigDefaults.gates,
    });
  });

  it('reads the observability settings from the environment', () => {
    const config = loadGatewayConfig({ env: { DAX_METRICS: 'false', DAX_METRICS_PORT: '9464', DAX_TRACE_CONTENT: 'yes', DAX_PRICES_FILE: '/etc/dax/prices.json' } });
    expect(config.observability).toEqual({ metrics: false, metricsPort: 9464, metricsHost: '127.0.0.1', traceContent: true, pricesFile: '/etc/dax/prices.json' });
  });

  it('layers file < environment < overrides, and fills nested defaults', () => {
    const file = configFile(JSON.stringify({ port: 9000, limits: { requestsPerMinutePerKey: 5 }, corsOrigins: ['https://a.example'] }));
    const config = loadGatewayConfig({
      configFile: file,
      env: {
        DAX_PORT: '9100',
        DAX_RATE_PER_TENANT: '50',
        DAX_CORS_ORIGINS: 'https://b.example, https://c.example',
        DAX_TLS_CERT: '/certs/server.pem',
        DAX_TLS_KEY: '/certs/server-key.pem',
        DAX_OIDC_ISSUER: 'https://issuer.example',
        DAX_OIDC_AUDIENCE: 'dax',
        DAX_OIDC_JWKS_URL: 'https://issuer.example/jwks',
      },
      overrides: { host: '0.0.0.0' },
    });
    expect(config.port).toBe(9100);
    expect(config.host).toBe('0.0.0.0');
    expect(config.limits).toEqual({ ...gatewayConfigDefaults.limits, requestsPerMinutePerKey: 5, requestsPerMinutePerTenant: 50 });
    expect(config.corsOrigins).toEqual(['https://b.example', 'https://c.example']);
    expect(config.tls).toEqual({ certFile: '/certs/server.pem', keyFile: '/certs/server-key.pem', requestCert: false });
    expect(config.oidc).toEqual({
      issuer: 'https://issuer.example',
      audience: 'dax',
      jwksUrl: 'https://issuer.example/jwks',
      tenantClaim: 'tenant',
      rolesClaim: 'roles',
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    });
  });

  it('reads the file named by DAX_GATEWAY_CONFIG', () => {
    const file = configFile(JSON.stringify({ shutdownGraceMs: 250 }));
    expect(loadGatewayConfig({ env: { DAX_GATEWAY_CONFIG: file } }).shutdownGraceMs).toBe(250);
  });

  it('names a bad environment setting and its variable', () => {
    const error = failure(() => loadGatewayConfig({ env: { DAX_PORT: 'eighty' } }));
    expect(error.code).toBe('DAX_E_CONFIG_INVALID');
    expect(error.message).toContain('"port" (from DAX_PORT)');
    expect(failure(() => loadGatewayConfig({ env: { DAX_RATE_PER_KEY: '-3' } })).message).toContain(
      '"limits.requestsPerMinutePerKey" (from DAX_RATE_PER_KEY)',
    );
    expect(failure(() => loadGatewayConfig({ env: { DAX_TLS_REQUEST_CERT: 'maybe' } })).message).toContain('DAX_TLS_REQUEST_CERT');
  });

  it('names an unknown or bad file setting and the file', () => {
    const unknown = configFile(JSON.stringify({ limits: { requestsPerHour: 5 } }));
    const error = failure(() => loadGatewayConfig({ configFile: unknown, env: {} }));
    expect(error.message).toContain(`"limits.requestsPerHour" (from ${unknown}): is not a known setting`);
    const origin = configFile(JSON.stringify({ corsOrigins: ['https://app.example/'] }));
    expect(failure(() => loadGatewayConfig({ configFile: origin, env: {} })).message).toContain('"corsOrigins.0"');
    const mutual = configFile(JSON.stringify({ tls: { certFile: 'c.pem', keyFile: 'k.pem', requestCert: true } }));
    expect(failure(() => loadGatewayConfig({ configFile: mutual, env: {} })).message).toContain('"tls.caFile"');
  });

  it('stops on a missing or non-JSON file', () => {
    expect(failure(() => loadGatewayConfig({ configFile: '/nonexistent/gateway.json', env: {} })).code).toBe('DAX_E_CONFIG_NOT_FOUND');
    expect(failure(() => loadGatewayConfig({ configFile: configFile('{port: 1'), env: {} })).code).toBe('DAX_E_CONFIG_INVALID');
  });
});
