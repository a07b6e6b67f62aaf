import { revokeApiKey } from '@dax/server';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

export default function keysRevokeCommand(keyId: string, options: { json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const store = await openLocalStore(io, globals);
    try {
      const revoked = await revokeApiKey(store, keyId);
      if (options.json === true) writeLine(io.stdout, JSON.stringify(revoked, null, 2));
      else writeLine(io.stdout, `revoked ${revoked.keyId} (tenant ${revoked.tenant}) at ${revoked.revokedAt ?? ''}`);
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
