import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The configuration that ships with Dax (the repository's `config/`). */
export const bundledConfigDir = fileURLToPath(new URL('../../../config/', import.meta.url));

export interface PathInputs {
  readonly configPath?: string;
  readonly policiesDir?: string;
  readonly dataDir?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface ResolvedPaths {
  readonly configPath: string;
  readonly policiesDir: string;
  readonly dataDir: string;
}

/**
 * Where configuration, policies and data live. Explicit options win, then
 * `DAX_CONFIG`, `DAX_POLICIES_DIR`, `DAX_DATA_DIR`, then `./config/` in the
 * working directory, then the bundled configuration; data defaults to `~/.dax`.
 */
export function resolvePaths(inputs: PathInputs): ResolvedPaths {
  const { env, cwd } = inputs;
  const localConfig = join(cwd, 'config', 'layers.json');
  const configPath = resolve(
    cwd,
    inputs.configPath ?? env.DAX_CONFIG ?? (existsSync(localConfig) ? localConfig : join(bundledConfigDir, 'layers.json')),
  );
  const besideConfig = join(dirname(configPath), 'policies');
  const policiesDir = resolve(
    cwd,
    inputs.policiesDir ?? env.DAX_POLICIES_DIR ?? (existsSync(besideConfig) ? besideConfig : join(bundledConfigDir, 'policies')),
  );
  const dataDir = resolve(cwd, inputs.dataDir ?? env.DAX_DATA_DIR ?? join(homedir(), '.dax'));
  return { configPath, policiesDir, dataDir };
}
