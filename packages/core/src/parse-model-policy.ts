import { readFileSync } from 'node:fs';
import { DaxError } from '@dax/protocol';
import { modelPolicySchema, type ModelPolicy } from './model-policy.js';

/** Validates a parsed model policy; errors name the source and the field. */
export function parseModelPolicy(raw: unknown, source = '<inline>'): ModelPolicy {
  const parsed = modelPolicySchema.safeParse(raw);
  if (parsed.success) {
    for (const [id, provider] of Object.entries(parsed.data.providers)) {
      const remote = provider.kind === 'openai-compatible' || provider.kind === 'anthropic';
      if (remote && provider.baseUrl === undefined) {
        throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${source}: provider ${id}: field "baseUrl": required for a remote provider` });
      }
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  throw new DaxError('DAX_E_CONFIG_INVALID', {
    detail: `${source}: field "${path || '(top level)'}": ${issue?.message ?? 'invalid'}`,
  });
}

/** Reads `config/models.json`; undefined when the file does not exist. */
export function loadModelPolicy(path: string): ModelPolicy | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DaxError('DAX_E_CONFIG_NOT_FOUND', { detail: `${path}: cannot be read.`, cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `${path}: not valid JSON.`, cause: error });
  }
  return parseModelPolicy(raw, path);
}
