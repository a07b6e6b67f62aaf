import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { modelPolicyDomain, parseMigrationNote } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { localActor, printVersion, readJsonFile, withGovernance } from './config-session.js';

interface ProposeOptions {
  readonly domain?: string;
  readonly file: string;
  readonly note?: string;
  readonly noteFile?: string;
  readonly as?: string;
  readonly json?: boolean;
}

export default function configProposeCommand(options: ProposeOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const noteText = options.noteFile === undefined ? options.note : readFileSync(resolve(io.cwd, options.noteFile), 'utf8');
    if (noteText === undefined) throw new DaxError('DAX_E_CONFIG_NOTE_MISSING', { detail: 'Pass --note "What changed: … Why: … Rollback: …" or --note-file.' });
    const note = parseMigrationNote(noteText);
    const content = readJsonFile(io, options.file);
    const kind = Array.isArray(content) ? 'layers' : 'models';
    const domain = kind === 'models' ? modelPolicyDomain : (options.domain ?? 'default');
    const actor = localActor(options);
    const version = await withGovernance(io, globals, (governance) => governance.propose({ domain, kind, content, note, actor }));
    printVersion(io, version, options.json, `next: dax config approve ${version.id.slice(0, 12)} --as <approver> --group safety|platform`);
    return exitCodes.ok;
  };
}
