import { createHash } from 'node:crypto';
import { DaxError } from '@dax/protocol';
import type { KeyWrapper } from './key-wrapper.js';
import { openBytes, sealBytes } from './seal-bytes.js';

/** The embedded KeyWrapper: AES-256-GCM under a 32-byte master key held in this process. */
export function createLocalKeyWrapper(masterKey: Uint8Array): KeyWrapper {
  if (masterKey.length !== 32) {
    throw new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: 'The master key must be 32 bytes.' });
  }
  const key = Buffer.from(masterKey);
  const keyId = `local:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  return {
    keyId,
    wrap: (dataKey, context) => Promise.resolve(sealBytes(key, dataKey, `dax-data-key:${context}`).toString('base64')),
    unwrap(wrapped, context) {
      try {
        return Promise.resolve(new Uint8Array(openBytes(key, Buffer.from(wrapped, 'base64'), `dax-data-key:${context}`)));
      } catch (cause) {
        return Promise.reject(
          new DaxError('DAX_E_DATA_KEY_UNAVAILABLE', { detail: 'A data key does not unwrap with the master key.', cause }),
        );
      }
    },
  };
}
