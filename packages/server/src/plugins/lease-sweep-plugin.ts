import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

export interface LeaseSweepPluginOptions {
  /** Time between sweeps. Default: half of `gatewayConfig.runLeaseTtlMs`. */
  readonly intervalMs?: number;
}

/**
 * Every replica sweeps the store for running runs whose lease expired (their
 * process died) and fails them with `DAX_E_RUN_ABANDONED`, once at start and then
 * on a timer, so no run stays `running` forever. Sweeps on several replicas are
 * safe: each run is claimed by one conditional update. A failed sweep is logged
 * and retried at the next tick.
 */
function leaseSweepPluginBody(fastify: FastifyInstance, options: LeaseSweepPluginOptions): Promise<void> {
  const intervalMs = options.intervalMs ?? Math.max(1_000, Math.floor(fastify.gatewayConfig.runLeaseTtlMs / 2));
  let sweeping = false;
  const sweep = async (): Promise<void> => {
    if (sweeping) return;
    sweeping = true;
    try {
      const reclaimed = await fastify.store.reclaimAbandonedRuns();
      if (reclaimed.length > 0) fastify.log.warn({ runIds: reclaimed }, 'abandoned runs failed after their lease expired');
    } catch (error) {
      fastify.log.error({ code: (error as { code?: unknown }).code }, 'the lease sweep failed');
    } finally {
      sweeping = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  fastify.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), intervalMs);
    timer.unref();
  });
  fastify.addHook('preClose', (done) => {
    clearInterval(timer);
    done();
  });
  return Promise.resolve();
}

export const leaseSweepPlugin = fastifyPlugin(leaseSweepPluginBody, { name: 'dax-lease-sweep' });
