import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { localActor, printVersion, withGovernance } from './config-session.js';

export default function configRollbackCommand(options: { domain: string; models?: boolean; as?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const actor = localActor(options);
    const version = await withGovernance(io, globals, (governance) =>
      options.models === true ? governance.rollback({ domain: '*', kind: 'models', actor }) : governance.rollback({ domain: options.domain, actor }),
    );
    printVersion(io, version, options.json);
    return exitCodes.ok;
  };
}
