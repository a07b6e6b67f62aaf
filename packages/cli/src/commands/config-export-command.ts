import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signConfigBundle } from '@dax/core';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { withGovernance } from './config-session.js';
import { configSigningKey } from './config-signing-key.js';

export default function configExportCommand(versionId: string, options: { domain?: string; out?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const version = await withGovernance(io, globals, (governance) => governance.get(versionId, options.domain));
    const bundle = signConfigBundle(version, configSigningKey(io, globals));
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (options.out === undefined) io.stdout.write(text);
    else {
      writeFileSync(resolve(io.cwd, options.out), text, { mode: 0o644 });
      writeLine(io.stderr, `exported ${version.id.slice(0, 12)} (signing key ${bundle.signature.publicKey.slice(-16)}) to ${options.out}`);
    }
    return exitCodes.ok;
  };
}
