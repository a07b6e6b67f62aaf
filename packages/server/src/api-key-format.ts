import { randomBytes } from 'node:crypto';

/** Every Dax API key starts with this; a bearer token without it is treated as a JWT. */
export const apiKeyPrefix = 'dax_';

const keyPattern = /^dax_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  /** The whole key, `dax_<keyId>_<secret>`: shown once, never stored. */
  readonly key: string;
  /** Public identifier (16 hex characters), safe to list and log. */
  readonly keyId: string;
}

/** A fresh key: 64 random bits of id and 256 random bits of secret. */
export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${apiKeyPrefix}${keyId}_${secret}`, keyId };
}

/** The key id of a well-formed key, or undefined when the text is not shaped like one. */
export function apiKeyIdOf(key: string): string | undefined {
  return keyPattern.exec(key)?.[1];
}
