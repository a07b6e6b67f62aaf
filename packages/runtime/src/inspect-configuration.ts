import { readdirSync } from 'node:fs';
import { loadLayerConfig } from '@dax/core';
import { loadPolicySet } from '@dax/guards';
import { resolvePaths } from './resolve-paths.js';

export interface ConfigurationReport {
  readonly configPath: string;
  readonly layers: number;
  readonly hash: string;
  readonly policiesDir: string;
  readonly policyFiles: number;
}

/**
 * Loads and validates a layer file and a policy directory exactly as a run would,
 * throwing the same `DAX_E_CONFIG_*` / `DAX_E_POLICY_*` errors.
 */
export function inspectConfiguration(inputs: {
  readonly configPath?: string;
  readonly policiesDir?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}): ConfigurationReport {
  const paths = resolvePaths(inputs);
  const config = loadLayerConfig(paths.configPath);
  loadPolicySet(paths.policiesDir);
  return {
    configPath: paths.configPath,
    layers: config.layers.length,
    hash: config.hash,
    policiesDir: paths.policiesDir,
    policyFiles: readdirSync(paths.policiesDir).filter((name) => name.endsWith('.cedar')).length,
  };
}
