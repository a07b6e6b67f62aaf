// The Dax gateway as its own process for the benchmarks: every layer calls the
// OpenAI-compatible upstream named by DAX_LOCAL_BASE_URL (provider `local`), runs are
// stored in SQLite under DAX_DATA_DIR (or Postgres with DAX_DATABASE_URL). Limits are
// raised out of reach so the figures measure the pipeline. Prints
// {"port": <n>, "key": "<api key>"} on stdout once listening.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, createGateway, parseGatewayConfig } from '@dax/server';

// Egress is limited to registered providers: register the bench upstream as `local`.
if (process.env.DAX_LOCAL_BASE_URL !== undefined && process.env.DAX_MODEL_POLICY === undefined) {
  const policy = JSON.parse(readFileSync(new URL('../config/models.json', import.meta.url), 'utf8'));
  policy.providers.local.baseUrl = process.env.DAX_LOCAL_BASE_URL;
  const file = join(mkdtempSync(join(tmpdir(), 'dax-bench-policy-')), 'models.json');
  writeFileSync(file, JSON.stringify(policy));
  process.env.DAX_MODEL_POLICY = file;
}

const unlimited = 1_000_000_000;
const config = parseGatewayConfig({
  dataDir: process.env.DAX_DATA_DIR,
  ...(process.env.DAX_DATABASE_URL ? { databaseUrl: process.env.DAX_DATABASE_URL } : {}),
  port: 0,
  provider: process.env.DAX_PROVIDER ?? 'local',
  logLevel: 'warn',
  limits: {
    requestsPerMinutePerKey: unlimited,
    requestsPerMinutePerTenant: unlimited,
    concurrentRunsPerTenant: 10_000,
    dailyTokenBudgetPerTenant: unlimited,
  },
});
const gateway = await createGateway({ config });
const url = await gateway.listen({ port: 0, host: '127.0.0.1' });
const { key } = await createApiKey(gateway.store, { tenant: 'bench', roles: ['caller'], name: 'bench' });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(url).port), key })}\n`);
const stop = () => void gateway.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
