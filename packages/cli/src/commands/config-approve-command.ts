import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { localActor, printVersion, withGovernance } from './config-session.js';

export default function configApproveCommand(versionId: string, options: { domain?: string; group?: string[]; as?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const actor = localActor(options);
    const version = await withGovernance(io, globals, (governance) =>
      governance.approve({ versionId, actor, groups: options.group ?? [], ...(options.domain === undefined ? {} : { domain: options.domain }) }),
    );
    printVersion(io, version, options.json, version.status === 'approved' ? `next: dax config activate ${version.id.slice(0, 12)}` : 'still needs another approval group');
    return exitCodes.ok;
  };
}
