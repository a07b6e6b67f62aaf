import { inspectConfiguration } from '@dax/runtime';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';

export default function configValidateCommand(path: string | undefined, options: { json?: boolean }): CommandAction {
  return (io: CliIo, globals: GlobalOptions) => {
    const report = inspectConfiguration({
      env: io.env,
      cwd: io.cwd,
      ...(path ?? globals.config) === undefined ? {} : { configPath: path ?? globals.config },
      ...(globals.policies === undefined ? {} : { policiesDir: globals.policies }),
    });
    if (options.json === true) writeLine(io.stdout, JSON.stringify(report, null, 2));
    else {
      writeLine(io.stdout, `ok: ${report.configPath} (${report.layers} layers, hash ${report.hash})`);
      writeLine(io.stdout, `ok: ${report.policiesDir} (${report.policyFiles} policy files)`);
    }
    return Promise.resolve(exitCodes.ok);
  };
}
