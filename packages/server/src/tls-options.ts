import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import type { GatewayConfig } from './gateway-config.js';

/** Node's HTTPS server options the gateway uses. */
export interface GatewayTlsOptions {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca?: Buffer;
  /** Mutual TLS: ask for a client certificate… */
  readonly requestCert: boolean;
  /** …and refuse the handshake without a valid one. */
  readonly rejectUnauthorized: boolean;
  readonly minVersion: 'TLSv1.2';
}

function readPem(path: string, setting: string): Buffer {
  try {
    return readFileSync(resolve(path));
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `Setting "${setting}": cannot read ${path}.`, cause });
  }
}

/**
 * Reads the certificate files named in the config. With `requestCert`, a client
 * must present a certificate chaining to `caFile`, or the TLS handshake fails
 * before any HTTP is spoken.
 */
export function readTlsOptions(tls: NonNullable<GatewayConfig['tls']>): GatewayTlsOptions {
  return {
    cert: readPem(tls.certFile, 'tls.certFile'),
    key: readPem(tls.keyFile, 'tls.keyFile'),
    ...(tls.caFile === undefined ? {} : { ca: readPem(tls.caFile, 'tls.caFile') }),
    requestCert: tls.requestCert,
    rejectUnauthorized: tls.requestCert,
    minVersion: 'TLSv1.2',
  };
}
