import { diffConfigVersions } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { withGovernance } from './config-session.js';

export default function configDiffCommand(from: string, to: string, options: { domain?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const diff = await withGovernance(io, globals, async (governance) => {
      const [a, b] = await Promise.all([governance.get(from, options.domain), governance.get(to, options.domain)]);
      if (a.kind !== b.kind) throw new DaxError('DAX_E_USAGE', { detail: 'Both versions must be of the same kind (layers or models).' });
      return await diffConfigVersions(a, b);
    });
    if (options.json === true) {
      writeLine(io.stdout, JSON.stringify(diff, null, 2));
      return exitCodes.ok;
    }
    if (diff.changes.length === 0) writeLine(io.stdout, 'no differences');
    for (const change of diff.changes) {
      writeLine(io.stdout, `== ${change.layer}${change.fields.length === 0 ? '' : ` (also changed: ${change.fields.join(', ')})`}`);
      if (change.promptDiff !== '') io.stdout.write(change.promptDiff);
    }
    return exitCodes.ok;
  };
}
