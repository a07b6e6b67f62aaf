import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { localActor, printVersion, withGovernance } from './config-session.js';

export default function configActivateCommand(versionId: string, options: { domain?: string; as?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const actor = localActor(options);
    const version = await withGovernance(io, globals, (governance) =>
      governance.activate({ versionId, actor, ...(options.domain === undefined ? {} : { domain: options.domain }) }),
    );
    printVersion(io, version, options.json, `undo: dax config rollback --domain ${version.domain}`);
    return exitCodes.ok;
  };
}
