import { apiKeyStoreFor } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

export default function keysListCommand(options: { tenant?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const store = await openLocalStore(io, globals);
    try {
      const keys = await apiKeyStoreFor(store).listKeys(options.tenant);
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify({ keys }, null, 2));
        return exitCodes.ok;
      }
      if (keys.length === 0) writeLine(io.stdout, 'no API keys yet: try dax keys create --tenant <tenant> --role admin');
      for (const key of keys) {
        const state = key.revokedAt === undefined ? 'active' : `revoked ${key.revokedAt}`;
        writeLine(
          io.stdout,
          `${key.keyId}  ${key.tenant.padEnd(12)} ${key.roles.join(',').padEnd(20)} ${key.createdAt}  ${state}  ${key.name}`,
        );
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
