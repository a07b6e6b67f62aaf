import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the embedded store keeps its files: `DAX_DATA_DIR`, else `~/.dax`. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DAX_DATA_DIR?.trim();
  return configured ? resolve(configured) : join(homedir(), '.dax');
}
