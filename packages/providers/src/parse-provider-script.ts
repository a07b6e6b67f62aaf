import { DaxError } from '@dax/protocol';
import { providerScriptSchema, type ScriptLayerMap } from './provider-script.js';

/** A validated script, split into top-level layer entries, per-model and per-domain maps. */
export interface ParsedProviderScript {
  readonly layers: ScriptLayerMap;
  readonly models: Readonly<Record<string, ScriptLayerMap>>;
  readonly domains: Readonly<Record<string, ScriptLayerMap>>;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/**
 * Validates a scripted-provider script. Errors name the source and the path, e.g.
 * `drill.json: DA-6.status: Too small: expected number to be >=400`.
 */
export function parseProviderScript(value: unknown, source = '<inline>'): ParsedProviderScript {
  const parsed = providerScriptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DaxError('DAX_E_SCRIPT_INVALID', {
      detail: `${source}: ${describePath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`,
    });
  }
  const { models, domains, ...rest } = parsed.data;
  return { layers: rest, models: models ?? {}, domains: domains ?? {} };
}
