import { resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import { createDax } from '@dax/runtime';
import { createGateway, installShutdownSignals, loadGatewayConfig, type GatewayConfigInput } from '@dax/server';
import { openRunStore, resolveDataDir } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  configFile?: string;
  provider?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsCa?: string;
  mtls?: boolean;
}

/** Command-line settings, the highest layer of the gateway config (a bad value is named as coming from here). */
function overridesFrom(options: ServeOptions, globals: GlobalOptions, cwd: string): GatewayConfigInput {
  const port = options.port === undefined ? undefined : /^\d+$/.test(options.port) ? Number(options.port) : options.port;
  const tls =
    options.tlsCert === undefined && options.tlsKey === undefined && options.tlsCa === undefined && options.mtls === undefined
      ? undefined
      : {
          ...(options.tlsCert === undefined ? {} : { certFile: resolve(cwd, options.tlsCert) }),
          ...(options.tlsKey === undefined ? {} : { keyFile: resolve(cwd, options.tlsKey) }),
          ...(options.tlsCa === undefined ? {} : { caFile: resolve(cwd, options.tlsCa) }),
          ...(options.mtls === undefined ? {} : { requestCert: options.mtls }),
        };
  return {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(port === undefined ? {} : { port: port as number }),
    ...(options.provider === undefined ? {} : { provider: options.provider }),
    ...(globals.dataDir === undefined ? {} : { dataDir: resolve(cwd, globals.dataDir) }),
    ...(tls === undefined ? {} : { tls: tls as GatewayConfigInput['tls'] }),
  };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * `dax serve`: the gateway on the embedded store. Settings come from defaults, the
 * config file, DAX_* variables and these flags (a bad one stops start-up naming
 * it). Runs until SIGTERM or SIGINT, then drains in-flight runs and exits 0.
 */
export default function serveCommand(options: ServeOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const config = loadGatewayConfig({
      env: io.env,
      ...(options.configFile === undefined ? {} : { configFile: resolve(io.cwd, options.configFile) }),
      overrides: overridesFrom(options, globals, io.cwd),
    });
    const dataDir = config.dataDir ?? resolveDataDir(io.env);
    const store = await openRunStore({ databaseUrl: config.databaseUrl, dataDir, env: io.env, leaseTtlMs: config.runLeaseTtlMs });
    try {
      const dax = createDax({
        env: io.env,
        cwd: io.cwd,
        store,
        dataDir,
        provider: config.provider,
        ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl, redisKeyPrefix: config.redisKeyPrefix }),
        limits: { maxInputChars: config.maxInputChars },
        ...(globals.config === undefined ? {} : { configPath: globals.config }),
        ...(globals.policies === undefined ? {} : { policiesDir: globals.policies }),
      });
      const app = await createGateway({ config: { ...config, dataDir }, store, dax, logStream: io.stdout });
      const signals = installShutdownSignals(app);
      try {
        await app.listen({ host: config.host, port: config.port });
      } catch (error) {
        signals.uninstall();
        await app.close();
        const code = (error as { code?: unknown }).code;
        throw new DaxError('DAX_E_CONFIG_INVALID', {
          detail: `Settings "host" and "port": cannot listen on ${urlHost(config.host)}:${config.port}${typeof code === 'string' ? ` (${code})` : ''}.`,
          cause: error,
        });
      }
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : config.port;
      const url = `${config.tls === undefined ? 'http' : 'https'}://${urlHost(config.host)}:${port}`;
      const dataDirFlag = globals.dataDir === undefined ? '' : ` --data-dir ${dataDir}`;
      writeLine(io.stderr, `dax gateway listening on ${url} (provider ${config.provider}, data in ${dataDir})`);
      writeLine(io.stderr, `  API docs: ${url}/docs`);
      writeLine(io.stderr, `  first admin key: dax keys create --tenant default --role admin${dataDirFlag}`);
      writeLine(io.stderr, '  stop with Ctrl-C or SIGTERM (in-flight runs finish first)');
      await signals.closed;
      await dax.close();
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
