import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { verifyConfigBundle } from '@dax/core';
import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { localActor, printVersion, readJsonFile, withGovernance } from './config-session.js';
import { configSigningKey, publicKeyBase64 } from './config-signing-key.js';

/**
 * Imports a signed bundle as a new proposal: the signature must verify under a
 * trusted key (`--trust-key`, else this installation's own key). Approvals do not
 * travel: the version goes through the two-person rule here again.
 */
export default function configImportCommand(file: string, options: { trustKey?: string[]; as?: string; json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const trusted = (options.trustKey ?? []).map((path) => publicKeyBase64(readFileSync(resolve(io.cwd, path), 'utf8')));
    if (trusted.length === 0) trusted.push(createPublicKey(configSigningKey(io, globals)).export({ type: 'spki', format: 'der' }).toString('base64'));
    const signed = verifyConfigBundle(readJsonFile(io, file), trusted);
    const actor = localActor(options);
    const version = await withGovernance(io, globals, (governance) =>
      governance.propose({ domain: signed.domain, kind: signed.kind, content: signed.content, note: signed.note, actor, action: 'import' }),
    );
    printVersion(io, version, options.json, `next: dax config approve ${version.id.slice(0, 12)} --as <approver> --group safety|platform`);
    return exitCodes.ok;
  };
}
