import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import { defaultRotations } from './default-rotations.js';
import { rotationsFileSchema, type RotationsFile } from './rotations-config.js';

/** A webhook target's secrets, read from the environment at start. */
export interface WebhookSecrets {
  readonly secret: string;
  readonly routingKey?: string;
}

/** Validated rotations with the webhook secrets resolved: ready for the gate service. */
export interface Rotations {
  readonly file: RotationsFile;
  /** Where the file came from (a path, or `built-in`). */
  readonly source: string;
  readonly secrets: ReadonlyMap<string, WebhookSecrets>;
}

/**
 * Validates a rotations document and resolves its webhook secrets from `env`.
 * Anything wrong throws `DAX_E_CONFIG_INVALID` naming the field and what to fix.
 */
export function parseRotations(input: unknown, env: Readonly<Record<string, string | undefined>>, source = 'built-in'): Rotations {
  const parsed = rotationsFileSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path, ...keys.slice(0, 1)].join('.');
      return `"${path || '(file)'}" ${issue.code === 'unrecognized_keys' ? 'is not a known setting' : issue.message}`;
    });
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Rotations (${source}): ${problems.join('; ')}.` });
  }
  const secrets = new Map<string, WebhookSecrets>();
  for (const webhook of parsed.data.webhooks) {
    const secret = env[webhook.secretEnv];
    if (secret === undefined || secret.length < 16) {
      throw new DaxError('DAX_E_CONFIG_INVALID', {
        detail: `Rotations (${source}): webhook "${webhook.name}" needs a signing secret of at least 16 characters in $${webhook.secretEnv}.`,
      });
    }
    const routingKey = webhook.routingKeyEnv === undefined ? undefined : env[webhook.routingKeyEnv];
    if (webhook.routingKeyEnv !== undefined && (routingKey === undefined || routingKey === '')) {
      throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Rotations (${source}): webhook "${webhook.name}" needs its PagerDuty routing key in $${webhook.routingKeyEnv}.` });
    }
    secrets.set(webhook.name, { secret, ...(routingKey === undefined ? {} : { routingKey }) });
  }
  return { file: parsed.data, source, secrets };
}

export interface LoadRotationsOptions {
  /** Explicit file; otherwise `$DAX_ROTATIONS`, then `./config/rotations.json`, then the built-in default. */
  readonly file?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Finds, reads and validates the rotations file (at start: bad settings stop the gateway). */
export function loadRotations(options: LoadRotationsOptions): Rotations {
  const local = join(options.cwd, 'config', 'rotations.json');
  const chosen = options.file ?? options.env.DAX_ROTATIONS ?? (existsSync(local) ? local : undefined);
  if (chosen === undefined) return parseRotations(defaultRotations, options.env);
  const path = resolve(options.cwd, chosen);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `The rotations file ${path} could not be read.`, cause });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Rotations (${path}): not valid JSON.`, cause });
  }
  return parseRotations(document, options.env, path);
}
