import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';

export interface ApiKeySource {
  /** A key already read by the caller (for example from a parsed environment); blank counts as absent. */
  readonly value?: string | undefined;
  /** Name of an environment variable holding the key, e.g. `XAI_API_KEY`. */
  readonly env?: string | undefined;
  /** Path of a file holding the key (a mounted secret); surrounding whitespace is ignored. */
  readonly file?: string | undefined;
}

/**
 * Reads an API key, trimmed: `value` when given and not blank, else the environment
 * variable `env`, else the file. Returns undefined when none holds a key. Never logs
 * the key; an unreadable file fails with its path only.
 */
export function resolveApiKey(
  source: ApiKeySource,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const given = source.value?.trim();
  if (given !== undefined && given.length > 0) return given;
  if (source.env !== undefined) {
    const value = environment[source.env]?.trim();
    if (value !== undefined && value.length > 0) return value;
  }
  if (source.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch {
      throw new DaxError('DAX_E_PROVIDER_KEY_MISSING', { detail: `The API key file ${source.file} cannot be read.` });
    }
    const value = text.trim();
    if (value.length > 0) return value;
  }
  return undefined;
}
