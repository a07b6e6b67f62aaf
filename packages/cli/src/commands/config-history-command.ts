import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { describeVersion, withGovernance } from './config-session.js';

export default function configHistoryCommand(options: { domain: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const history = await withGovernance(io, globals, (governance) => governance.history(options.domain));
    if (options.json === true) {
      writeLine(io.stdout, JSON.stringify({ versions: history.versions.map((version) => ({ ...version, content: undefined })), audit: history.audit }, null, 2));
      return exitCodes.ok;
    }
    if (history.versions.length === 0) writeLine(io.stdout, `no versions in ${options.domain} yet: runs use the on-disk file; try dax config propose --domain ${options.domain} --file <layers.json> --note …`);
    for (const version of history.versions) {
      writeLine(io.stdout, describeVersion(version));
      writeLine(io.stdout, `    what changed: ${version.note.whatChanged}`);
      writeLine(io.stdout, `    why: ${version.note.why}`);
      writeLine(io.stdout, `    rollback: ${version.note.rollback}`);
    }
    if (history.audit.length > 0) writeLine(io.stdout, 'audit:');
    for (const entry of history.audit) {
      const previous = entry.previousVersionId === undefined ? '' : ` (was ${entry.previousVersionId.slice(0, 12)})`;
      writeLine(io.stdout, `  ${entry.at}  ${entry.action.padEnd(8)} ${entry.versionId.slice(0, 12)} by ${entry.actor}${previous}`);
    }
    return exitCodes.ok;
  };
}
