import type { FastifyInstance } from 'fastify';

/**
 * Closes the gateway gracefully on the first SIGTERM or SIGINT: no new
 * connections, in-flight runs finish within `shutdownGraceMs` (the rest are
 * cancelled and recorded), then the store closes. Returns a promise that settles
 * once the gateway is closed, and a function to remove the handlers.
 */
export function installShutdownSignals(
  app: FastifyInstance,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): { readonly closed: Promise<NodeJS.Signals>; uninstall(): void } {
  let uninstall = (): void => undefined;
  const closed = new Promise<NodeJS.Signals>((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      uninstall();
      app.log.info({ signal }, 'shutting down');
      app.close().then(() => resolve(signal), reject);
    };
    for (const signal of signals) process.once(signal, onSignal);
    uninstall = () => {
      for (const signal of signals) process.removeListener(signal, onSignal);
    };
  });
  return { closed, uninstall: () => uninstall() };
}
