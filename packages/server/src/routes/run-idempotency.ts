import { createHash } from 'node:crypto';
import { canonicalJson } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { FastifyRequest } from 'fastify';
import { idempotencyKeyPattern } from './runs-schemas.js';

/** The request's `Idempotency-Key`, if any; a malformed one is a 400. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? undefined : header.trim();
  if (value === undefined || !idempotencyKeyPattern.test(value)) {
    throw new DaxError('DAX_E_INPUT_INVALID', { detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters, sent once.' });
  }
  return value;
}

/** A digest of the request body (key order does not matter); the body itself is never stored. */
export function requestHashOf(body: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
