import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { parseProviderScript } from './parse-provider-script.js';
import type { ProviderScript } from './provider-script.js';

/**
 * Reads and validates a scripted-provider JSON file (at start, like the layer
 * configuration, so it reads synchronously). Errors name the file and the path in it.
 */
export function loadScript(path: string): ProviderScript {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `Cannot read the provider script ${path}.`, cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DaxError('DAX_E_SCRIPT_INVALID', { detail: `${path}: (top level): not valid JSON` });
  }
  parseProviderScript(value, path);
  return value as ProviderScript;
}
