import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';

export const masterKeyFileName = 'master.key';

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', {
      detail: `${source} must hold 32 bytes as 64 hex digits or base64.`,
    });
  }
  return bytes;
}

function readKeyFile(path: string, source: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: `${source} cannot be read.`, cause });
  }
  return decodeKey(text, source);
}

/**
 * The master key that wraps per-subject data keys: `DAX_MASTER_KEY` (hex or base64),
 * else the file named by `DAX_MASTER_KEY_FILE`, else `<dataDir>/master.key`, which is
 * generated with mode 0600 on first use. Keep it apart from backups.
 */
export function loadMasterKey(env: Readonly<Record<string, string | undefined>>, dataDir: string): Buffer {
  const inline = env.DAX_MASTER_KEY;
  if (inline !== undefined && inline !== '') return decodeKey(inline, 'DAX_MASTER_KEY');
  const file = env.DAX_MASTER_KEY_FILE;
  if (file !== undefined && file !== '') return readKeyFile(file, 'DAX_MASTER_KEY_FILE');
  const path = join(dataDir, masterKeyFileName);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: `${path} cannot be created.`, cause });
    }
  }
  chmodSync(path, 0o600);
  return readKeyFile(path, path);
}
