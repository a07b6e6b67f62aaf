import { createApiKey } from '@dax/server';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

export default function keysCreateCommand(options: {
  tenant: string;
  role: string[];
  name?: string;
  json?: boolean;
}): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const store = await openLocalStore(io, globals);
    try {
      const created = await createApiKey(store, { tenant: options.tenant, roles: options.role, name: options.name ?? '' });
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify(created, null, 2));
        return exitCodes.ok;
      }
      writeLine(io.stdout, created.key);
      writeLine(
        io.stderr,
        `created key ${created.keyId} for tenant ${created.tenant} (roles: ${created.roles.join(', ')}); ` +
          'it is shown only once, store it now',
      );
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
