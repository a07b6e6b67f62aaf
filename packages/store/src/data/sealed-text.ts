import { DaxError } from '@dax/protocol';
import { openBytes, sealBytes } from './seal-bytes.js';

const sealedPrefix = 'dax-enc:v1:';

/** Marker a removed text is replaced with: `[removed: erasure]`, `[removed: retention]`. */
export function removedText(reason: 'erasure' | 'retention'): string {
  return `[removed: ${reason}]`;
}

export function isSealedText(text: string): boolean {
  return text.startsWith(sealedPrefix);
}

function additionalData(runId: string, path: string): string {
  return `dax-text\u0000${runId}\u0000${path}`;
}

/** Encrypts one text field of a run; the run id and field path are bound as additional data. */
export function sealText(key: Uint8Array, runId: string, path: string, text: string): string {
  return sealedPrefix + sealBytes(key, Buffer.from(text, 'utf8'), additionalData(runId, path)).toString('base64');
}

/** Decrypts a field sealed by `sealText`; plain (or removed) texts pass through unchanged. */
export function openText(key: Uint8Array, runId: string, path: string, text: string): string {
  if (!isSealedText(text)) return text;
  const sealed = Buffer.from(text.slice(sealedPrefix.length), 'base64');
  try {
    return openBytes(key, sealed, additionalData(runId, path)).toString('utf8');
  } catch (cause) {
    throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: `A stored text of run ${runId} does not decrypt (field ${path}).`, cause });
  }
}
