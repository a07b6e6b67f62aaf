import { createDax, type Dax } from '@dax/runtime';
import type { CliIo } from './cli-io.js';
import type { GlobalOptions } from './main.js';

/** Opens the embedded runtime with the global options and the environment. */
export function openDax(io: CliIo, globals: GlobalOptions, provider?: string): Dax {
  return createDax({
    env: io.env,
    cwd: io.cwd,
    ...(globals.config === undefined ? {} : { configPath: globals.config }),
    ...(globals.policies === undefined ? {} : { policiesDir: globals.policies }),
    ...(globals.dataDir === undefined ? {} : { dataDir: globals.dataDir }),
    ...(provider === undefined ? {} : { provider }),
  });
}
