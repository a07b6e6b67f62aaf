import { PassThrough } from 'node:stream';
import type { Clock } from '@dax/core';
import { openPostgresStore, type EvidenceSettings, type KyselyRunStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import type { PostgresTestSchema } from '../../../store/src/__fixtures__/postgres-test-schema.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig } from '../gateway-config.js';
import type { Rotations } from '../gates/load-rotations.js';

export interface PostgresReplica {
  readonly app: FastifyInstance;
  readonly store: KyselyRunStore;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** A gateway replica on a shared Postgres test schema, listening on a free loopback port. */
export async function startPostgresReplica(options: {
  readonly schema: PostgresTestSchema;
  /** Gateway settings beyond the offline provider and silent logs. */
  readonly settings?: Record<string, unknown>;
  readonly evidence?: EvidenceSettings;
  readonly clock?: Clock;
  readonly rotations?: Rotations;
}): Promise<PostgresReplica> {
  const store = await openPostgresStore({
    url: options.schema.url,
    schema: options.schema.schema,
    maxConnections: 4,
    ...(options.evidence === undefined ? {} : { evidence: options.evidence }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const config = parseGatewayConfig({ provider: 'offline', logLevel: 'silent', ...options.settings });
  const app = await createGateway({
    config,
    store,
    logStream: new PassThrough(),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.rotations === undefined ? {} : { rotations: options.rotations }),
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    baseUrl,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
