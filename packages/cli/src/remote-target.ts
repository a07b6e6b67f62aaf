import { DaxError } from '@dax/protocol';
import type { CliIo } from './cli-io.js';

/** A gateway the CLI talks to instead of running locally. */
export interface RemoteTarget {
  /** The gateway's base URL without a trailing slash, e.g. `https://dax.example.com`. */
  readonly baseUrl: string;
  readonly apiKey: string;
}

const trailingSlashes = /\/+$/;

/**
 * The remote target of a command: `--url`, else `$DAX_URL`; undefined means local mode.
 * The key comes from `$DAX_API_KEY` only, so it never shows in a process list or shell history.
 */
export function remoteTarget(io: CliIo, url: string | undefined): RemoteTarget | undefined {
  const chosen = url ?? io.env.DAX_URL;
  if (chosen === undefined || chosen.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(chosen.trim());
  } catch (error) {
    throw new DaxError('DAX_E_USAGE', { detail: '--url must be an http:// or https:// URL of a Dax gateway.', cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DaxError('DAX_E_USAGE', { detail: '--url must be an http:// or https:// URL of a Dax gateway.' });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new DaxError('DAX_E_USAGE', { detail: '--url must not carry credentials: set DAX_API_KEY instead.' });
  }
  const apiKey = io.env.DAX_API_KEY?.trim();
  if (apiKey === undefined || apiKey === '') {
    throw new DaxError('DAX_E_AUTH_MISSING', { detail: 'Set DAX_API_KEY to a gateway API key (an admin creates one with: dax keys create).' });
  }
  return { baseUrl: `${parsed.origin}${parsed.pathname.replace(trailingSlashes, '')}`, apiKey };
}
