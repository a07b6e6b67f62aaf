import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { ConfigGovernance, ConfigVersion } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { Dax } from '@dax/runtime';
import { type CliIo, writeLine } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';
import { openDax } from '../open-dax.js';

export interface ActorOptions {
  readonly as?: string;
}

/**
 * Who acts in local mode: `local:<name>` from `--as`, else the operating-system user.
 * Local mode trusts the person at the terminal (they hold the data directory anyway);
 * the gateway's admin API is where identities are authenticated.
 */
export function localActor(options: ActorOptions): string {
  const name = options.as ?? userInfo().username;
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) throw new DaxError('DAX_E_USAGE', { detail: '--as takes a plain name (letters, digits, . _ @ -).' });
  return `local:${name}`;
}

/** Runs a command against the local runtime's configuration lifecycle, closing it afterwards. */
export async function withGovernance<T>(io: CliIo, globals: GlobalOptions, work: (governance: ConfigGovernance, dax: Dax) => Promise<T>): Promise<T> {
  const dax = openDax(io, globals);
  try {
    return await work(await dax.governance(), dax);
  } finally {
    await dax.close();
  }
}

/** Reads and parses a JSON file named on the command line. */
export function readJsonFile(io: CliIo, path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `${path}: cannot be read.`, cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${path}: not valid JSON.`, cause: error });
  }
}

/** One version as a line: id, domain, kind, status, who proposed it. */
export function describeVersion(version: ConfigVersion): string {
  return `${version.id.slice(0, 12)}  ${version.domain}  ${version.kind}  ${version.status}  proposed by ${version.proposedBy} at ${version.proposedAt}`;
}

export function printVersion(io: CliIo, version: ConfigVersion, json: boolean | undefined, next?: string): void {
  if (json === true) {
    writeLine(io.stdout, JSON.stringify({ ...version, content: undefined }, null, 2));
    return;
  }
  writeLine(io.stdout, describeVersion(version));
  writeLine(io.stdout, `id ${version.id}`);
  if (next !== undefined) writeLine(io.stdout, next);
}
