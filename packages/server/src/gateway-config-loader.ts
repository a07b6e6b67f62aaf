import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { parseGatewayConfig, type GatewayConfig, type GatewayConfigInput } from './gateway-config.js';
import { gatewayConfigFromEnv } from './gateway-config-env.js';

type Env = Readonly<Record<string, string | undefined>>;
type Settings = Record<string, unknown>;

export interface GatewayConfigSources {
  /** Environment; default `process.env`. */
  readonly env?: Env;
  /** JSON file of settings; default `$DAX_GATEWAY_CONFIG` (none when unset). */
  readonly configFile?: string;
  /** Highest precedence (command-line flags). */
  readonly overrides?: GatewayConfigInput;
}

const groups: ReadonlySet<string> = new Set(['tls', 'limits', 'oidc']);

function isPlainObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lays `layer` over `base`, one level deep for the setting groups; records where each setting came from. */
function overlay(base: Settings, layer: unknown, source: string | ((path: string) => string), sources: Map<string, string>): Settings {
  if (!isPlainObject(layer)) return base;
  const merged: Settings = { ...base };
  const sourceOf = typeof source === 'string' ? () => source : source;
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    if (groups.has(key) && isPlainObject(value) && isPlainObject(merged[key])) {
      merged[key] = { ...merged[key], ...value };
      for (const inner of Object.keys(value)) sources.set(`${key}.${inner}`, sourceOf(`${key}.${inner}`));
    } else {
      merged[key] = value;
      sources.set(key, sourceOf(key));
      if (isPlainObject(value)) for (const inner of Object.keys(value)) sources.set(`${key}.${inner}`, sourceOf(`${key}.${inner}`));
    }
  }
  return merged;
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `Cannot read the gateway config file ${path}.`, cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `The gateway config file ${path} is not valid JSON.`, cause });
  }
  if (!isPlainObject(value)) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `The gateway config file ${path} must hold a JSON object.` });
  }
  return value;
}

/**
 * The gateway settings: defaults, then the config file, then `DAX_*` environment
 * variables, then explicit overrides. Throws `DAX_E_CONFIG_INVALID` naming the bad
 * setting and its source, or `DAX_E_CONFIG_NOT_FOUND` for an unreadable file.
 */
export function loadGatewayConfig(sources: GatewayConfigSources = {}): GatewayConfig {
  const env = sources.env ?? process.env;
  const origin = new Map<string, string>();
  const configFile = sources.configFile ?? (env.DAX_GATEWAY_CONFIG?.trim() || undefined);
  let settings: Settings = {};
  if (configFile !== undefined) settings = overlay(settings, readConfigFile(configFile), configFile, origin);
  const fromEnv = gatewayConfigFromEnv(env);
  settings = overlay(settings, fromEnv.settings, (path) => fromEnv.sources.get(path) ?? 'the environment', origin);
  settings = overlay(settings, sources.overrides, 'the command line', origin);
  return parseGatewayConfig(settings, (path) => origin.get(path));
}
